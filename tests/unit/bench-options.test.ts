import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/paths.ts';
import { runProcess } from '../support/run-process.ts';

/**
 * Runs `npm run bench:build` with the given arguments, as `node` in package.json does. A benchmark
 * that starts instead of answering is stopped, with the builds it started, after a few seconds.
 */
function benchBuild(args: string[]) {
	return runProcess(process.execPath, [join(projectRoot, 'tests/bench/build-scaling.ts'), ...args], { cwd: projectRoot, stopAfterMs: 8_000 });
}

// Longer than the stop above, so that the stop always comes first.
describe('npm run bench:build', { timeout: 15_000 }, () => {
	it('lists its options for --help, and builds nothing', async () => {
		const { code, stdout } = await benchBuild(['--help']);
		expect(code).toBe(0);
		expect(stdout).toMatch(/^npm run bench:build \[-- options\]\n {2}--runs=N/);
		expect(stdout).toContain('--ablations');
		expect(stdout).not.toContain('Build cost');
	});

	it.each([
		[['--run=3'], 'Unknown option --run=3.'],
		[['--runs=two'], '--runs=two is not a number of runs'],
	])('stops at %j with exit code 2, saying why, before any build', async (args, message) => {
		const { code, stdout, stderr } = await benchBuild(args);
		expect(code).toBe(2);
		expect(stderr).toContain(message);
		expect(stderr).toContain('npm run bench:build [-- options]');
		expect(stdout).toBe('');
	});
});

describe('scalingOptions', () => {
	it('reads --memory and --lesson, and leaves them out when not given', async () => {
		const { scalingOptions } = await import('../bench/build-scaling.ts');
		expect(scalingOptions(['1', '50', '--memory', '--runs=2', '--lesson=/tmp/old.mdx'])).toEqual({
			sizes: [1, 50],
			runs: 2,
			manyRunsUpTo: 50,
			ablations: false,
			memory: true,
			lesson: '/tmp/old.mdx',
		});
		expect(scalingOptions([])).toEqual({ sizes: [1, 50, 200], runs: 3, manyRunsUpTo: 50, ablations: false });
	});
});

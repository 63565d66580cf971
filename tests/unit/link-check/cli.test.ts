import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../support/paths.ts';
import { startLocalServer, type LocalServer } from '../../support/local-server.ts';
import { runProcess } from '../../support/run-process.ts';

const cli = join(projectRoot, 'src', 'link-check', 'cli.ts');
const fastFlags = ['--timeout', '500', '--retries', '1', '--base-delay', '10', '--max-retry-after', '100', '--max-time', '10000'];

/**
 * Runs the CLI as `npm run check:links` does: with the project's Node (the one running the tests),
 * which strips the TypeScript types itself. Asynchronous: the local server answers from this process.
 */
function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
	const base = { ...process.env };
	delete base.GITHUB_ACTIONS;
	delete base.GITHUB_STEP_SUMMARY;
	return runProcess(process.execPath, [cli, ...args], { cwd: dir, env: { ...base, ...env } });
}

let server: LocalServer;
let dir: string;

beforeAll(async () => {
	server = await startLocalServer((req, res) => {
		const status = req.url === '/ok' ? 200 : req.url === '/blocked' ? 403 : 404;
		res.writeHead(status, { 'content-type': 'text/html' });
		res.end(req.method === 'HEAD' ? undefined : '<html><body><h1 id="top-heading">Hi</h1></body></html>');
	});
	dir = mkdtempSync(join(tmpdir(), 'check-links-cli-'));
	writeFileSync(join(dir, 'alive.mdx'), `# Alive\n\nSee [this](${server.url}/ok#top-heading).\n`);
	writeFileSync(
		join(dir, 'broken.md'),
		`# Broken\n\nSee [this](${server.url}/ok) and [that](${server.url}/missing).\n\nAnd [that again](${server.url}/missing).\n`,
	);
	writeFileSync(join(dir, 'other.mdx'), `Also [that](${server.url}/missing).\n`);
	writeFileSync(join(dir, 'blocked.md'), `A [bot-blocking host](${server.url}/blocked).\n`);
	mkdirSync(join(dir, 'course', 'unit-1'), { recursive: true });
	writeFileSync(join(dir, 'course', 'unit-1', 'intro.mdx'), `[Intro](${server.url}/ok)\n`);
	writeFileSync(join(dir, 'course', 'unit-1', 'notes.md'), `[Notes](${server.url}/ok)\n`);
	writeFileSync(join(dir, 'course', 'readme.txt'), `${server.url}/missing\n`);
	writeFileSync(
		join(dir, 'config.json'),
		JSON.stringify({ skip: [], unverifiableOn403: [{ url: `${server.url}/blocked`, reason: 'turns robots away' }] }),
	);
});

afterAll(async () => {
	await server.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('npm run check:links (the CLI)', () => {
	it('exits 0 when every link is alive, and prints a table', async () => {
		const result = await runCli([...fastFlags, 'alive.mdx']);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/RESULT\s+URL\s+REASON\s+WHERE USED/);
		expect(result.stdout).toMatch(new RegExp(`^alive +${server.url}/ok#top-heading +200 +alive\\.mdx:3$`, 'm'));
		expect(result.stdout).toContain('alive.mdx:3');
	});

	it('exits 0 on a 403 from a host the config says blocks robots, and says it could not verify', async () => {
		const result = await runCli([...fastFlags, '--config', 'config.json', 'blocked.md']);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toContain('could not verify');
	});

	it('exits 1 on a broken link and writes the JSON report with every use of it', async () => {
		const result = await runCli([...fastFlags, '--json', 'report.json', 'broken.md', 'other.mdx']);
		expect(result.code, result.stderr).toBe(1);
		const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
		expect(report).toMatchObject({ checked: 2, broken: 1 });
		expect(report.links).toEqual([
			expect.objectContaining({ url: `${server.url}/ok`, ok: true, status: 200, category: 'alive', sources: [{ file: 'broken.md', line: 3 }] }),
			expect.objectContaining({
				url: `${server.url}/missing`,
				ok: false,
				status: 404,
				category: 'broken',
				reason: 'not found (404)',
				sources: [
					{ file: 'broken.md', line: 3 },
					{ file: 'broken.md', line: 5 },
					{ file: 'other.mdx', line: 1 },
				],
			}),
		]);
	});

	it('in GitHub Actions, annotates each use of a broken link and appends a summary', async () => {
		const summary = join(dir, 'summary.md');
		writeFileSync(summary, '');
		const result = await runCli([...fastFlags, 'broken.md', 'other.mdx'], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
		expect(result.code).toBe(1);
		const annotations = result.stdout.split('\n').filter((line) => line.startsWith('::error '));
		expect(annotations).toEqual([
			`::error file=broken.md,line=3,title=Broken link::${server.url}/missing: not found (404)`,
			`::error file=broken.md,line=5,title=Broken link::${server.url}/missing: not found (404)`,
			`::error file=other.mdx,line=1,title=Broken link::${server.url}/missing: not found (404)`,
		]);
		const markdown = readFileSync(summary, 'utf8');
		expect(markdown).toContain('## External links');
		expect(markdown).toContain(`| BROKEN | ${server.url}/missing | not found (404) | broken.md:3, broken.md:5, other.mdx:1 |`);
	});

	it('reads a lesson given by its absolute path, as editors and tools pass it', async () => {
		const result = await runCli([...fastFlags, '--json', 'absolute.json', join(dir, 'alive.mdx')]);
		expect(result.code, result.stderr).toBe(0);
		const report = JSON.parse(readFileSync(join(dir, 'absolute.json'), 'utf8'));
		expect(report.links[0].sources).toEqual([{ file: 'alive.mdx', line: 3 }]);
	});

	it('reads an absolute folder and a quoted glob, lessons only', async () => {
		const cases = [[join(dir, 'course')], ['course/**/*'], [`${dir}/course/*/*.{md,mdx}`]];
		const results = await Promise.all(cases.map((paths, index) => runCli([...fastFlags, '--json', `paths-${index}.json`, ...paths])));
		for (const [index, result] of results.entries()) {
			expect(result.code, `${cases[index]!.join(' ')}: ${result.stderr}`).toBe(0);
			const report = JSON.parse(readFileSync(join(dir, `paths-${index}.json`), 'utf8'));
			expect(report.links.flatMap((link: { sources: unknown[] }) => link.sources)).toEqual([
				{ file: 'course/unit-1/intro.mdx', line: 1 },
				{ file: 'course/unit-1/notes.md', line: 1 },
			]);
		}
	});

	it('exits 2 on an unknown option, a bad number, a missing path, a glob with no lesson or a bad config', async () => {
		const cases = [
			['--no-such-flag'],
			['--timeout', 'soon', 'alive.mdx'],
			['missing.mdx'],
			[join(dir, 'missing-folder')],
			['course/**/*.txt'],
			['--config', 'alive.mdx', 'alive.mdx'],
		];
		const results = await Promise.all(cases.map((args) => runCli(args)));
		results.forEach((result, index) => {
			expect(result.code, cases[index]!.join(' ')).toBe(2);
			expect(result.stderr, cases[index]!.join(' ')).toContain('check:links:');
		});
		expect(existsSync(join(dir, 'missing.mdx'))).toBe(false);
	});
});

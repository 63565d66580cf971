import { join } from 'node:path';
import { projectRoot } from './paths.ts';
import { runProcess } from './run-process.ts';

/**
 * Variables Vitest sets in its workers (import.meta.env mirrors). A child Astro build inherits
 * them, and BASE_URL=/ would override the site's base path.
 */
const testRunnerVariables = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'VITEST'];

export function buildEnvironment(extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const name of Object.keys(env)) {
		if (testRunnerVariables.includes(name) || name.startsWith('VITEST_')) delete env[name];
	}
	return { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

export interface BuildResult {
	code: number | null;
	output: string;
}

/** Runs `astro build` in a child process and returns its exit code and combined output. */
export async function runAstroBuild(options: { root: string; outDir: string; env?: NodeJS.ProcessEnv }): Promise<BuildResult> {
	const astroBin = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
	const { code, output } = await runProcess(process.execPath, [astroBin, 'build', '--root', options.root, '--outDir', options.outDir], {
		cwd: options.root,
		env: buildEnvironment(options.env),
	});
	return { code, output };
}

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './paths.ts';

/**
 * Variables Vitest sets in its workers (import.meta.env mirrors). A child Astro build inherits
 * them, and BASE_URL=/ would override the site's base path.
 */
const testRunnerVariables = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'VITEST'];

function buildEnvironment(extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
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

/**
 * Runs `astro build` in a child process and returns its exit code and combined output.
 * Asynchronous on purpose: a blocked event loop would stall anything else the test serves.
 */
export function runAstroBuild(options: { root: string; outDir: string; env?: NodeJS.ProcessEnv }): Promise<BuildResult> {
	const astroBin = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [astroBin, 'build', '--root', options.root, '--outDir', options.outDir], {
			cwd: options.root,
			env: buildEnvironment(options.env),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, output }));
	});
}

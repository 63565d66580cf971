import { spawn } from 'node:child_process';

export interface ProcessResult {
	code: number | null;
	/** What it printed, both streams in the order they came. */
	output: string;
	stdout: string;
	stderr: string;
}

/**
 * Runs a command to its end and returns its exit code and what it printed. Asynchronous on purpose:
 * a blocked event loop would stall anything the caller serves meanwhile (the site, to Lighthouse).
 * With `stopAfterMs`, a command still running then is killed with every process it started.
 */
export function runProcess(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; stopAfterMs?: number } = {},
): Promise<ProcessResult> {
	return new Promise((resolve, reject) => {
		const stoppable = options.stopAfterMs !== undefined;
		const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: stoppable });
		const result: ProcessResult = { code: null, output: '', stdout: '', stderr: '' };
		child.stdout.on('data', (chunk) => {
			result.stdout += chunk;
			result.output += chunk;
		});
		child.stderr.on('data', (chunk) => {
			result.stderr += chunk;
			result.output += chunk;
		});
		const timer = stoppable ? setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), options.stopAfterMs) : undefined;
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ ...result, code });
		});
	});
}

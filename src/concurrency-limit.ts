/**
 * Runs at most `max` tasks at once. A dozen lines, so no dependency: a finished task hands its
 * slot straight to the next waiting one, which keeps the count exact.
 */
export function createLimit(max: number) {
	let active = 0;
	const waiting: (() => void)[] = [];
	return async function run<T>(task: () => Promise<T>): Promise<T> {
		if (active < max) active++;
		else await new Promise<void>((resolve) => waiting.push(resolve));
		try {
			return await task();
		} finally {
			const next = waiting.shift();
			if (next) next();
			else active--;
		}
	};
}

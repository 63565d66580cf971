/**
 * Retries for calls to a course platform, shared by the SCORM and cmi5 launch pages: an LMS that
 * refuses a call once (a busy server, a dropped request) usually takes it a moment later.
 */

/** Waits between attempts: three more tries within about two seconds. */
export const retryDelays = [250, 500, 1000] as const;

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it resolves, waiting `delays` between tries; the last failure is thrown. */
export async function withRetries<T>(attempt: () => T | Promise<T>, delays: readonly number[] = retryDelays): Promise<T> {
	for (let tries = 0; ; tries++) {
		try {
			return await attempt();
		} catch (error) {
			if (tries >= delays.length) throw error;
			await delay(delays[tries]!);
		}
	}
}

/**
 * For the last moments of a page (pagehide), when there is no time to wait: tries `attempt` up to
 * `times` times at once and says whether it succeeded.
 */
export function tryNow(attempt: () => boolean, times = retryDelays.length + 1): boolean {
	for (let i = 0; i < times; i++) {
		try {
			if (attempt()) return true;
		} catch {
			// As a refusal: try again.
		}
	}
	return false;
}

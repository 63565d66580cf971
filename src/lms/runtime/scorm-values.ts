/** Values in SCORM 1.2's own terms, apart from the launch page so that they can be tested alone. */

/** SCORM 1.2's CMITimespan: HHHH:MM:SS.SS. */
export function scormTime(ms: number): string {
	const hundredths = Math.round(ms / 10);
	const pad = (value: number, width = 2) => String(value).padStart(width, '0');
	return `${pad(Math.floor(hundredths / 360000), 4)}:${pad(Math.floor(hundredths / 6000) % 60)}:${pad(Math.floor(hundredths / 100) % 60)}.${pad(hundredths % 100)}`;
}

/**
 * The status to report: never back to "incomplete" once the module was complete, "passed" kept
 * once reached; with a pass mark a complete module is "passed" or "failed".
 */
export function scormStatus(before: string, complete: boolean, passed: boolean | undefined): string {
	if (before === 'passed') return 'passed';
	const wasComplete = before === 'completed' || before === 'failed';
	if (!complete && !wasComplete) return 'incomplete';
	if (passed === undefined) return 'completed';
	return passed ? 'passed' : 'failed';
}

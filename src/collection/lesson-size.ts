/**
 * How a lesson's size is said, on the course overview and on the lesson itself, and how a number of
 * questions is said anywhere (reviews due, checks in a lesson): written once so they always agree.
 */

/** "1 question" or "3 questions". */
export function questionCount(count: number): string {
	return `${count} question${count === 1 ? '' : 's'}`;
}

/** "8 min read, 3 questions", or the reading time alone for a lesson without checks. */
export function lessonSize(readingMinutes: number, checks: number): string {
	const read = `${Math.max(1, Math.round(readingMinutes))} min read`;
	return checks > 0 ? `${read}, ${questionCount(checks)}` : read;
}

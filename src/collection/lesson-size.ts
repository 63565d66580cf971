/** How a lesson's size is said, on the course overview and on the lesson itself, so they always agree. */
import { questionCount } from '../progress/review-queue.ts';

/** "8 min read, 3 questions", or the reading time alone for a lesson without checks. */
export function lessonSize(readingMinutes: number, checks: number): string {
	const read = `${Math.max(1, Math.round(readingMinutes))} min read`;
	return checks > 0 ? `${read}, ${questionCount(checks)}` : read;
}

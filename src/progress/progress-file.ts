/**
 * Progress as a file the learner keeps: what the course overview's "Save progress to a file"
 * downloads and "Load progress from a file" reads back, in another browser if they like. The file
 * is the stored progress (answers, lessons complete, last section, review cards) with the course it
 * belongs to and when it was saved. Nothing in a file is trusted: it is read through the same checks
 * as stored progress, and a file that is not one of ours is refused with the reason.
 */
import { parseProgress, version, type Progress } from './progress-store.ts';
import { validCards } from './review-cards.ts';

/** Progress with only the review cards that can be trusted. */
function withValidCards(progress: Progress): Progress {
	for (const lesson of Object.values(progress.lessons)) if (lesson.cards) lesson.cards = validCards(lesson.cards);
	return progress;
}

const format = 'course-progress';

/** The file's text: the course's slug (src/course-slug.ts) names the course it belongs to. */
export function progressFileText(progress: Progress, course: string, now: number): string {
	return JSON.stringify({ format, course, saved: new Date(now).toISOString(), v: version, ...withValidCards(structuredClone(progress)) });
}

/** The name the file is saved under: the course and the day, so files of two modules or two days differ. */
export function progressFileName(course: string, now: number): string {
	return `${course}-progress-${new Date(now).toISOString().slice(0, 10)}.json`;
}

export type ReadFile = { progress: Progress } | { problem: string };

/** The progress a file holds, or why it cannot be loaded. */
export function readProgressFile(text: string, course: string): ReadFile {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		data = undefined;
	}
	const file = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
	if (file.format !== format || typeof file.course !== 'string' || typeof file.v !== 'number') {
		return { problem: 'This file is not a progress file: it may be damaged, or another kind of file.' };
	}
	if (file.course !== course) return { problem: `This file holds progress of another course (${file.course}), not of this one.` };
	if (file.v > version) return { problem: 'This file was saved by a newer version of the course site than this one, which cannot read it.' };
	if (file.v !== version) return { problem: 'This file was saved by an older version of the course site, which this one cannot read.' };
	return { progress: withValidCards(parseProgress(text)) };
}

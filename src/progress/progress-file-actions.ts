/**
 * The course overview's "Save progress to a file" and "Load progress from a file", loaded when the
 * learner first presses one. Each returns what the overview tells the learner.
 */
import { progressFileName, progressFileText, readProgressFile } from './progress-file.ts';
import { loadProgress, replaceProgress } from './progress-store.ts';

/** Downloads the learner's progress as a file named after the course and the day. */
export function saveProgressFile(course: string): string {
	const now = Date.now();
	const name = progressFileName(course, now);
	const url = URL.createObjectURL(new Blob([progressFileText(loadProgress(), course, now)], { type: 'application/json' }));
	const link = Object.assign(document.createElement('a'), { href: url, download: name });
	link.click();
	// The download has started from the link; the address can go once this task is over.
	setTimeout(() => URL.revokeObjectURL(url));
	return `Your progress is saved in the file ${name}, among your downloads.`;
}

/** Replaces the learner's progress with a file's, or says why it cannot and changes nothing. */
export async function loadProgressFile(file: File, course: string): Promise<string> {
	let text: string;
	try {
		text = await file.text();
	} catch {
		return `The file ${file.name} could not be read. Your progress is unchanged.`;
	}
	const read = readProgressFile(text, course);
	if ('problem' in read) return `${read.problem} Your progress is unchanged.`;
	replaceProgress(read.progress);
	return `Progress loaded from ${file.name}.`;
}

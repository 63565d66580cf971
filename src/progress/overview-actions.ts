/**
 * What the course overview's buttons do, loaded when the learner first presses one: "Reset
 * progress" (which asks first), "Save progress to a file" and "Load progress from a file".
 */
import { progressFileName, progressFileText, readProgressFile } from './progress-file.ts';
import { loadProgress, updateProgress } from './progress-store.ts';
import { confirmReset } from './reset-progress.ts';

/** Does what the overview's control (a button, or the file input once a file is chosen) is for. */
export async function overviewAction(overview: HTMLElement, control: HTMLElement): Promise<void> {
	const action = control.dataset.action;
	if (action === 'ask') return confirmReset(overview);
	const status = overview.querySelector('.course-progress__file-status')!;
	if (action === 'save') status.textContent = saveProgressFile(overview);
	const input = control as HTMLInputElement;
	const file = input.files?.[0];
	if (action !== 'load' || !file) return;
	// Emptied, so that choosing the same file again is a change too.
	input.value = '';
	status.textContent = await loadProgressFile(file, overview);
}

/** Downloads the learner's progress as a file named after the course (the overview's `data-course`) and the day. */
export function saveProgressFile(overview: HTMLElement): string {
	const course = overview.dataset.course ?? '';
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
export async function loadProgressFile(file: File, overview: HTMLElement): Promise<string> {
	let text: string;
	try {
		text = await file.text();
	} catch {
		return `The file ${file.name} could not be read. Your progress is unchanged.`;
	}
	const read = readProgressFile(text, overview.dataset.course ?? '');
	if ('problem' in read) return `${read.problem} Your progress is unchanged.`;
	updateProgress((progress) => Object.assign(progress, { last: undefined }, read.progress));
	return `Progress loaded from ${file.name}.`;
}

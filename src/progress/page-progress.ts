/**
 * Progress on a page with the sidebar, from its first load: completed lessons marked in the
 * sidebar and, on a lesson, the reading position and the "Mark lesson complete" button. Answers to
 * knowledge checks are restored by the checks' own script, when it loads.
 */
import { lessonStatus, loadProgress, onProgressChange, pageLesson, updateLesson } from './progress-store.ts';
import { trackReadingPosition } from './reading-position.ts';
import { markSidebar } from './sidebar-marks.ts';

/** Why the lesson is complete, said under the button. */
const wording = {
	marked: 'You marked this lesson complete. Press the button again to undo.',
	checks: 'Lesson complete: every knowledge check is answered right.',
};

/** Marks the sidebar and, on a lesson, runs its progress button and follows the reading position. */
export function showProgress(): void {
	const lesson = pageLesson();
	const element = document.querySelector<HTMLElement>('lesson-progress');
	const button = element?.querySelector('button');

	/** Marks the sidebar, and shows on the lesson's button whether the learner marked it complete, and why it is. */
	const show = () => {
		const progress = loadProgress();
		markSidebar(progress);
		if (!lesson || !element || !button) return;
		const marked = Boolean(progress.lessons[lesson.id]?.marked);
		const complete = lessonStatus(progress, lesson.id, lesson.checkKeys).state === 'complete';
		button.setAttribute('aria-pressed', String(marked));
		const status = element.querySelector('[role="status"]')!;
		const text = marked ? wording.marked : complete ? wording.checks : '';
		if (status.textContent !== text) status.textContent = text;
	};

	button?.addEventListener('click', () => {
		const marked = button.getAttribute('aria-pressed') === 'true';
		updateLesson((saved) => {
			saved.marked = !marked || undefined;
		});
	});
	// Opening a lesson starts it; saving also drops answers to checks it no longer has.
	if (lesson) {
		updateLesson(() => {});
		trackReadingPosition(lesson.id);
	}
	show();
	onProgressChange(show);
	element?.setAttribute('data-ready', '');
}

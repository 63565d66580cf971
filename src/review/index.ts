/**
 * Review over days: what pages call to schedule an answered knowledge check. The scheduler
 * (schedule.ts, with ts-fsrs) is imported on the first answer, so no page carries it on its first
 * load; counting what is due needs no scheduler (src/progress/review-queue.ts).
 */
import { validCards } from '../progress/review-cards.ts';
import { reconcileCards } from '../progress/review-queue.ts';
import { updateLesson, updateProgress } from '../progress/progress-store.ts';

const loadScheduler = () => import('./schedule.ts');

/** Starts fetching the scheduler, so that the first answer is scheduled without waiting. */
export function prepareScheduler(): void {
	loadScheduler().catch(() => {
		// Offline: the answer that needs it tries again, and says so if it cannot.
	});
}

/**
 * Schedules an answer given in this page's lesson, whose checks are `checkKeys`. Rejects when the
 * scheduler cannot be loaded.
 */
export async function recordLessonAnswer(checkKeys: readonly string[], key: string, right: boolean): Promise<void> {
	const { scheduleLessonAnswer } = await loadScheduler();
	updateLesson((lesson) => {
		const cards = (lesson.cards = validCards(lesson.cards));
		const now = Date.now();
		reconcileCards(cards, checkKeys, now);
		const card = scheduleLessonAnswer(cards[key], checkKeys.indexOf(key), right, now);
		if (card) cards[key] = card;
	});
}

/**
 * Schedules an answer given on the Review page, to a check of `lesson` (whose checks, as built, are
 * `checkKeys`). Rejects when the scheduler cannot be loaded.
 */
export async function recordReviewAnswer(lesson: string, checkKeys: readonly string[], key: string, right: boolean): Promise<void> {
	const { schedule } = await loadScheduler();
	updateProgress((progress) => {
		const saved = (progress.lessons[lesson] ??= { answers: {} });
		const cards = (saved.cards = validCards(saved.cards));
		const now = Date.now();
		reconcileCards(cards, checkKeys, now);
		cards[key] = schedule(cards[key], checkKeys.indexOf(key), right, now);
	});
}

import type { ReviewLesson } from '../progress/review-queue.ts';

export { nextMidnight, questionCount, reviewQueue, type DueQuestion, type ReviewLesson } from '../progress/review-queue.ts';

/**
 * Saves the cards brought in line with the lessons as built (see reconcileCards): the Review page
 * does it as it opens, so cards of removed questions leave the learner's storage and files.
 */
export function tidyCards(lessons: readonly ReviewLesson[]): void {
	updateProgress((progress) => {
		const now = Date.now();
		for (const lesson of lessons) {
			const saved = progress.lessons[lesson.id];
			if (saved?.cards) reconcileCards((saved.cards = validCards(saved.cards)), lesson.checkKeys, now);
		}
	});
}

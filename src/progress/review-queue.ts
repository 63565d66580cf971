/**
 * Which review cards are due, for the pages that say so (the course overview, the Review page):
 * counting needs no scheduler, so neither page loads one to show "3 questions to review".
 */
import type { SavedCard } from './review-cards.ts';

/** The start of the day after `now`, in the learner's time zone. */
export function nextMidnight(now: number): number {
	const date = new Date(now);
	date.setHours(24, 0, 0, 0);
	return date.getTime();
}

/**
 * Whether a card is due: reviews go by the day, as a learner plans them. A question answered wrong
 * (due in a minute) is due today; one answered right (due in two days or more) is not.
 */
export function isDue(card: SavedCard, now: number): boolean {
	return card.due < nextMidnight(now);
}

/** A card for a question the learner has not been asked yet in review: due now. */
export function newCard(index: number, now: number): SavedCard {
	return { index, due: now, stability: 0, difficulty: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0 };
}

/**
 * Brings a lesson's cards in line with its checks as built, in place: a card whose check is still
 * there stays (and follows it if it moved); a card whose check is gone while another question took
 * its place means the question changed, and that question gets a new card; any other card is
 * dropped, its question removed.
 */
export function reconcileCards(cards: Record<string, SavedCard>, checkKeys: readonly string[], now: number): void {
	for (const [key, card] of Object.entries(cards)) {
		const index = checkKeys.indexOf(key);
		if (index >= 0) {
			card.index = index;
			continue;
		}
		delete cards[key];
		const successor = checkKeys[card.index];
		if (successor !== undefined && !(successor in cards)) cards[successor] = newCard(card.index, now);
	}
}

/**
 * Copies of the cards of a lesson that can be counted: those with a due date and a place. Every
 * field is checked (validCards) where cards are scheduled, saved to a file or tidied, as the Review
 * page does when it opens, so that counting on the overview loads no more than it needs; a card
 * only those checks drop comes from storage edited by hand, and the Review page drops it.
 */
function countable(cards: Record<string, unknown> | undefined): Record<string, SavedCard> {
	const kept: Record<string, SavedCard> = {};
	for (const [key, card] of Object.entries(cards ?? {})) {
		const { due, index } = (card ?? {}) as Partial<SavedCard>;
		if (Number.isFinite(due) && Number.isInteger(index) && index! >= 0) kept[key] = { ...(card as SavedCard) };
	}
	return kept;
}

/** A lesson as the pages that count reviews know it: its id and its checks' keys, in order. */
export interface ReviewLesson {
	id: string;
	checkKeys: readonly string[];
}

export interface DueQuestion {
	lesson: string;
	key: string;
	card: SavedCard;
}

/**
 * The questions due now, in course order, and when the next one not yet due will be (if any).
 * Cards are reconciled with the lessons as built on a copy: counting changes nothing saved.
 */
export function reviewQueue(
	lessons: Record<string, { cards?: Record<string, unknown> }>,
	course: readonly ReviewLesson[],
	now: number,
): { due: DueQuestion[]; next: number | undefined } {
	const due: DueQuestion[] = [];
	let next: number | undefined;
	for (const lesson of course) {
		const cards = countable(lessons[lesson.id]?.cards);
		reconcileCards(cards, lesson.checkKeys, now);
		for (const key of lesson.checkKeys) {
			const card = cards[key];
			if (!card) continue;
			if (isDue(card, now)) due.push({ lesson: lesson.id, key, card });
			else next = Math.min(next ?? Infinity, card.due);
		}
	}
	return { due, next };
}

/** "1 question" or "3 questions": a number of questions, said the same way everywhere. */
export function questionCount(count: number): string {
	return `${count} question${count === 1 ? '' : 's'}`;
}

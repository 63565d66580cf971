/**
 * Review cards as saved in the learner's progress: one per knowledge check they have answered,
 * kept with its lesson's answers. A card holds what FSRS needs to schedule it again (see
 * src/review/, which loads the scheduler only where it is used); this module checks cards, where
 * they are used: what is due (review-queue.ts), scheduling, and progress files.
 */

/** A card as stored: ts-fsrs's Card with dates as milliseconds, and the check's place in its lesson. */
export interface SavedCard {
	/** The check's position in its lesson, from 0: how a changed question is told from a removed one. */
	index: number;
	due: number;
	stability: number;
	difficulty: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	/** ts-fsrs's State: 0 new, 1 learning, 2 review, 3 relearning. */
	state: number;
	last_review?: number;
}

const day = 24 * 60 * 60 * 1000;
/** ts-fsrs never schedules further than its maximum interval (36,500 days); a later date is not a card of ours. */
const furthest = 36_600 * day;

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= Date.now() + furthest;

/** The fields that hold counts; with the other fields, every field a card has. */
const counts = ['index', 'scheduled_days', 'learning_steps', 'reps', 'lapses'] as const;
const fields: string[] = [...counts, 'state', 'due', 'stability', 'difficulty', 'last_review'];

/**
 * A clean copy of a saved card when every field is one the scheduler accepts, else nothing: what a
 * browser or a file gives may be edited, truncated or from another program, and a card the
 * scheduler would throw on (a date it cannot read, a zero stability for a reviewed card) must be
 * dropped, never scheduled. A card never reviewed has neither stability nor a last review.
 */
export function parseCard(value: unknown): SavedCard | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const card = value as Record<string, unknown>;
	const { state, due, stability, difficulty, last_review } = card;
	const reviewed = state !== 0;
	const measure = (x: unknown, max: number) => typeof x === 'number' && x <= max && (reviewed ? x > 0 : x >= 0);
	const valid =
		isCount(state) &&
		state <= 3 &&
		isTime(due) &&
		counts.every((name) => isCount(card[name])) &&
		// FSRS keeps stability below 36,500 days and difficulty between 1 and 10; 0 on a card never reviewed.
		measure(stability, 36_500) &&
		measure(difficulty, 10) &&
		(last_review === undefined ? !reviewed : isTime(last_review));
	return valid ? (JSON.parse(JSON.stringify(card, fields)) as SavedCard) : undefined;
}

/** The cards of a lesson that can be trusted, each a clean copy (see parseCard); the others are dropped. */
export function validCards(cards: Record<string, unknown> | undefined): Record<string, SavedCard> {
	const valid: Record<string, SavedCard> = {};
	for (const [key, value] of Object.entries(cards ?? {})) {
		const card = parseCard(value);
		if (card) valid[key] = card;
	}
	return valid;
}

/**
 * Review cards as saved in the learner's progress: one per knowledge check they have answered,
 * kept with its lesson's answers. A card holds what FSRS needs to schedule it again (see
 * src/review/, which loads the scheduler only where it is used); this module only checks, counts
 * and tidies cards, so the pages that show "3 questions to review" never load the scheduler.
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
/** FSRS keeps difficulty between 1 and 10 and stability below 36,500 days; 0 only for a card never reviewed. */
const bounds = { difficulty: 10, stability: 36_500 };

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= Date.now() + furthest;

/**
 * A clean copy of a saved card when every field is one the scheduler accepts, else nothing: what a
 * browser or a file gives may be edited, truncated or from another program, and a card the
 * scheduler would throw on (a date it cannot read, a zero stability for a reviewed card) must be
 * dropped, never scheduled.
 */
export function parseCard(value: unknown): SavedCard | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const card = value as Record<string, unknown>;
	const { index, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review } = card;
	if (!isCount(state) || state > 3 || !isCount(index) || !isTime(due)) return undefined;
	if (![scheduled_days, learning_steps, reps, lapses].every(isCount)) return undefined;
	const reviewed = state !== 0;
	const measure = (x: unknown, max: number) => typeof x === 'number' && Number.isFinite(x) && x <= max && (reviewed ? x > 0 : x >= 0);
	if (!measure(stability, bounds.stability) || !measure(difficulty, bounds.difficulty)) return undefined;
	if (last_review !== undefined && !isTime(last_review)) return undefined;
	if (reviewed && last_review === undefined) return undefined;
	const clean: SavedCard = {
		index,
		due,
		stability: stability as number,
		difficulty: difficulty as number,
		scheduled_days: scheduled_days as number,
		learning_steps: learning_steps as number,
		reps: reps as number,
		lapses: lapses as number,
		state,
	};
	if (last_review !== undefined) clean.last_review = last_review;
	return clean;
}

/** A card for a question the learner has not been asked yet in review: due now. */
export function newCard(index: number, now: number): SavedCard {
	return { index, due: now, stability: 0, difficulty: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0 };
}

/** The start of the day after `now`, in the learner's time zone. */
function nextMidnight(now: number): number {
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
	lessons: Record<string, { cards?: Record<string, SavedCard> }>,
	course: readonly ReviewLesson[],
	now: number,
): { due: DueQuestion[]; next: number | undefined } {
	const due: DueQuestion[] = [];
	let next: number | undefined;
	for (const lesson of course) {
		const cards = structuredClone(lessons[lesson.id]?.cards ?? {});
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

/** When a review falls, as the pages say it: "tomorrow, Tuesday 8 December", or the date alone further out. */
export function reviewDay(time: number, now: number): string {
	const date = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long' }).format(time);
	return new Date(time).toDateString() === new Date(nextMidnight(now)).toDateString() ? `tomorrow, ${date}` : `on ${date}`;
}

/**
 * Schedules review cards with FSRS (the ts-fsrs library). A right answer is rated Good, a wrong one
 * Again. One short learning step (a minute) and no fuzz: a wrong answer is due again the same day,
 * a right one graduates at once to an interval of days (about two for a first right answer), and
 * each further right answer pushes the card further out. This module is the one that loads ts-fsrs:
 * pages import it on first use (see index.ts), never on their first load.
 */
import { fsrs, Rating, State, type Card } from 'ts-fsrs';
import type { SavedCard } from '../progress/review-cards.ts';
import { isDue, newCard } from '../progress/review-queue.ts';

const scheduler = fsrs({ enable_fuzz: false, enable_short_term: true, learning_steps: ['1m'], relearning_steps: ['1m'] });

function toCard(saved: SavedCard): Card {
	return {
		due: new Date(saved.due),
		stability: saved.stability,
		difficulty: saved.difficulty,
		// Deprecated in ts-fsrs 5, which works the days out from last_review.
		elapsed_days: 0,
		scheduled_days: saved.scheduled_days,
		learning_steps: saved.learning_steps,
		reps: saved.reps,
		lapses: saved.lapses,
		state: saved.state as State,
		last_review: saved.last_review === undefined ? undefined : new Date(saved.last_review),
	};
}

/** Stability and difficulty to four decimals: finer makes no difference to a date, and the file stays small. */
const round = (value: number) => Math.round(value * 1e4) / 1e4;

function fromCard(card: Card, index: number): SavedCard {
	const saved: SavedCard = {
		index,
		due: card.due.getTime(),
		stability: round(card.stability),
		difficulty: round(card.difficulty),
		scheduled_days: card.scheduled_days,
		learning_steps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
	};
	if (card.last_review) saved.last_review = card.last_review.getTime();
	return saved;
}

/** The card after an answer, whatever it was before: a card the scheduler cannot take starts again. */
export function schedule(saved: SavedCard | undefined, index: number, right: boolean, now: number): SavedCard {
	const rating = right ? Rating.Good : Rating.Again;
	const at = new Date(now);
	try {
		return fromCard(scheduler.next(toCard(saved ?? newCard(index, now)), at, rating).card, index);
	} catch {
		return fromCard(scheduler.next(toCard(newCard(index, now)), at, rating).card, index);
	}
}

/**
 * The card after an answer given in a lesson, where "Try again" lets a learner answer as often as
 * they like: the first answer makes the card; after that a wrong answer counts (it may lapse the
 * card), a right one only when the card is due for review. So answering right straight after a
 * wrong answer leaves the card in its learning step, due the same day; nothing is learnt by
 * repeating an answer just seen. Nothing: leave the card as it is.
 */
export function scheduleLessonAnswer(saved: SavedCard | undefined, index: number, right: boolean, now: number): SavedCard | undefined {
	if (!saved || !right) return schedule(saved, index, right, now);
	const reviewable = saved.state === State.New || saved.state === State.Review;
	return reviewable && isDue(saved, now) ? schedule(saved, index, right, now) : undefined;
}

import { describe, expect, it } from 'vitest';
import { parseCard, validCards, type SavedCard } from '../../src/progress/review-cards.ts';
import { isDue, newCard, reconcileCards, reviewQueue } from '../../src/progress/review-queue.ts';
import { parseProgress } from '../../src/progress/progress-store.ts';
import { schedule, scheduleLessonAnswer } from '../../src/review/schedule.ts';

const day = 24 * 60 * 60 * 1000;
const start = new Date(2026, 0, 5, 10).getTime();
const reviewed: SavedCard = { ...schedule(undefined, 0, true, start) };

describe('saved review cards', () => {
	it('keeps a card the scheduler made, as a clean copy', () => {
		const stored = { ...reviewed, extra: 'dropped' };
		const card = parseCard(stored);
		expect(card).toEqual(reviewed);
		expect(card).not.toBe(stored);
	});

	it.each([
		['a state out of range', { state: 4 }],
		['a state that is not an integer', { state: 1.5 }],
		['a zero stability on a reviewed card', { stability: 0 }],
		['a negative difficulty', { difficulty: -1 }],
		['a difficulty above FSRS range', { difficulty: 11 }],
		['a stability that is not a number', { stability: 'high' }],
		['an infinite due date', { due: Infinity }],
		['a due date as text', { due: '2026-01-01' }],
		['a due date centuries ahead', { due: Date.now() + 200 * 365 * day }],
		['a last review as text', { last_review: '2026-01-01' }],
		['no last review on a reviewed card', { last_review: undefined }],
		['a negative lapse count', { lapses: -1 }],
		['a fractional step', { learning_steps: 0.5 }],
		['no position', { index: undefined }],
	])('drops a card with %s', (_, change) => {
		expect(parseCard({ ...reviewed, ...change })).toBeUndefined();
	});

	it('drops what is not a card at all, and the rest of the progress survives', () => {
		for (const value of [null, 3, 'card', []]) expect(parseCard(value)).toBeUndefined();
		const progress = parseProgress(
			JSON.stringify({ v: 1, lessons: { 'lessons/a': { answers: {}, seen: true, cards: { good: reviewed, bad: { ...reviewed, state: 9 }, text: 'card' } } } }),
		);
		expect(validCards(progress.lessons['lessons/a']!.cards)).toEqual({ good: reviewed });
		expect(parseProgress(JSON.stringify({ v: 1, lessons: { 'lessons/a': { answers: {}, cards: [reviewed] } } })).lessons['lessons/a']).toEqual({ answers: {} });
	});

	it('schedules every card it keeps without throwing', () => {
		const kept = [reviewed, newCard(2, start), schedule(reviewed, 0, false, start + 2 * day)].map((card) => parseCard(JSON.parse(JSON.stringify(card)))!);
		for (const card of kept) expect(() => schedule(card, 0, true, start + 3 * day)).not.toThrow();
	});
});

describe('when questions are due', () => {
	it('a wrong answer is due the same day, a right one not, and right answers push it further out', () => {
		const wrong = schedule(undefined, 0, false, start);
		expect(isDue(wrong, start)).toBe(true);
		let card = schedule(undefined, 0, true, start);
		expect(isDue(card, start)).toBe(false);
		let interval = card.due - start;
		expect(interval).toBeLessThanOrEqual(7 * day);
		for (let round = 0; round < 4; round++) {
			const now = card.due;
			card = schedule(card, 0, true, now);
			expect(card.due - now).toBeGreaterThan(interval);
			interval = card.due - now;
		}
	});

	it('in a lesson, a right answer straight after a wrong one leaves the card due the same day', () => {
		const wrong = scheduleLessonAnswer(undefined, 0, false, start)!;
		// Minutes later the learning step has passed, and "Try again" gives the right answer.
		const later = start + 5 * 60 * 1000;
		expect(scheduleLessonAnswer(wrong, 0, true, later)).toBeUndefined();
		expect(isDue(wrong, later)).toBe(true);
	});

	it('in a lesson, answering right again before the card is due changes nothing, answering wrong lapses it', () => {
		const right = scheduleLessonAnswer(undefined, 0, true, start)!;
		expect(scheduleLessonAnswer(right, 0, true, start + 60_000)).toBeUndefined();
		const lapsed = scheduleLessonAnswer(right, 0, false, start + 60_000)!;
		expect(lapsed.lapses).toBe(1);
		expect(isDue(lapsed, start + 60_000)).toBe(true);
		// When it is due for review, a right answer in the lesson counts.
		const dueDay = right.due + day;
		expect(scheduleLessonAnswer(right, 0, true, dueDay)!.due).toBeGreaterThan(dueDay + day);
	});

	it('a changed question gets a new card, a removed one is dropped, a moved one follows', () => {
		const cards: Record<string, SavedCard> = { old: { ...reviewed, index: 0 }, gone: { ...reviewed, index: 5 }, moved: { ...reviewed, index: 1 } };
		reconcileCards(cards, ['changed', 'other', 'moved'], start);
		expect(Object.keys(cards).sort()).toEqual(['changed', 'moved']);
		expect(cards.changed).toEqual(newCard(0, start));
		expect(cards.moved!.index).toBe(2);
	});

	it('counts the due questions in course order and says when the next is, changing nothing saved', () => {
		const notYet = schedule(undefined, 1, true, start);
		const lessons = { 'lessons/a': { cards: { a2: notYet, a1: schedule(undefined, 0, false, start) } }, 'lessons/b': { cards: { stale: reviewed } } };
		const before = structuredClone(lessons);
		const queue = reviewQueue(lessons, [{ id: 'lessons/a', checkKeys: ['a1', 'a2'] }, { id: 'lessons/b', checkKeys: ['b1'] }], start);
		expect(queue.due.map((item) => item.key)).toEqual(['a1', 'b1']);
		expect(queue.next).toBe(notYet.due);
		expect(lessons).toEqual(before);
	});
});

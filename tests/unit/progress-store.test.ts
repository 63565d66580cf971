import { describe, expect, it } from 'vitest';
import { lessonStatus, parseProgress, type Progress } from '../../src/progress/progress-store.ts';

const saved = (data: unknown) => JSON.stringify(data);

describe('reading saved progress', () => {
	it('keeps what was saved by this version', () => {
		const progress = {
			lessons: { 'lessons/a': { answers: { k1: { choices: [2], right: true } }, marked: true, complete: true, seen: true } },
			last: { lesson: 'lessons/a', heading: 'teams', text: 'Teams' },
		};
		expect(parseProgress(saved({ v: 1, ...progress }))).toEqual(progress);
	});

	it.each([
		['nothing', null],
		['text that is not JSON', '{"v":1,'],
		['another version', saved({ v: 2, lessons: { 'lessons/a': { answers: {}, marked: true } } })],
		['an older format without a version', saved({ 'lessons/a': true })],
		['a list', saved([1, 2])],
		['a number', '42'],
	])('starts afresh from %s', (_, raw) => {
		expect(parseProgress(raw)).toEqual({ lessons: {} });
	});

	it('drops each part it cannot trust and keeps the rest', () => {
		const progress = parseProgress(
			saved({
				v: 1,
				lessons: {
					'lessons/a': {
						answers: {
							good: { choices: [0, 2], right: false },
							negative: { choices: [-1], right: true },
							fraction: { choices: [1.5], right: true },
							unjudged: { choices: [1] },
							text: 'yes',
						},
						marked: 'true',
						seen: true,
					},
					'lessons/b': 'complete',
					'lessons/c': { answers: [] },
				},
				last: { lesson: 'lessons/a', heading: 7, text: 'Teams' },
			}),
		);
		expect(progress).toEqual({
			lessons: { 'lessons/a': { answers: { good: { choices: [0, 2], right: false } }, seen: true }, 'lessons/c': { answers: {} } },
		});
	});
});

describe('where a learner stands in a lesson', () => {
	const keys = ['k1', 'k2'];
	const progress = (lesson: Progress['lessons'][string]): Progress => ({ lessons: { 'lessons/a': lesson } });

	it('has not started a lesson with nothing saved', () => {
		expect(lessonStatus({ lessons: {} }, 'lessons/a', keys)).toEqual({ state: 'not-started' });
	});

	it('is in progress once a lesson is read or a check answered, with the score over the current checks', () => {
		expect(lessonStatus(progress({ answers: {}, seen: true }), 'lessons/a', keys)).toEqual({ state: 'in-progress', right: 0, total: 2 });
		const answered = progress({ answers: { k1: { choices: [1], right: true }, gone: { choices: [0], right: true } } });
		expect(lessonStatus(answered, 'lessons/a', keys)).toEqual({ state: 'in-progress', right: 1, total: 2 });
	});

	it('is complete when every check is answered right, or when marked complete', () => {
		const right = { choices: [1], right: true };
		expect(lessonStatus(progress({ answers: { k1: right, k2: right } }), 'lessons/a', keys)).toEqual({ state: 'complete' });
		expect(lessonStatus(progress({ answers: {}, marked: true }), 'lessons/a', keys)).toEqual({ state: 'complete' });
		expect(lessonStatus(progress({ answers: { k1: right, k2: { ...right, right: false } } }), 'lessons/a', keys).state).toBe('in-progress');
	});

	it('needs a mark to complete a lesson without checks', () => {
		expect(lessonStatus(progress({ answers: {}, seen: true }), 'lessons/a', []).state).toBe('in-progress');
		expect(lessonStatus(progress({ answers: {}, marked: true }), 'lessons/a', []).state).toBe('complete');
	});
});

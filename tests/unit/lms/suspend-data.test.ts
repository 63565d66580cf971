import { describe, expect, it } from 'vitest';
import type { CourseMap } from '../../../src/lms/course-map.ts';
import { moduleResult, passes } from '../../../src/lms/module-result.ts';
import { decodeSuspendData, encodeSuspendData, suspendDataLimit } from '../../../src/lms/suspend-data.ts';
import type { Progress } from '../../../src/progress/progress-store.ts';

/** A module of `lessons` lessons with `checks` checks each, keyed as the site keys them (long hashes). */
function module(lessons: number, checks: number, identifier = 'test-module'): CourseMap {
	return {
		identifier,
		title: 'Test module',
		passMark: 0.7,
		lessons: Array.from({ length: lessons }, (_, l) => ({
			id: `lesson-number-${l}-with-a-long-name`,
			page: `lessons/lesson-number-${l}-with-a-long-name/index.html`,
			checks: Array.from({ length: checks }, (_, c) => `check-${l}-${c}-${'x'.repeat(32)}`),
		})),
	};
}

/** Every check answered (the worst case for size), wrong on every third, with a long last section. */
function answeredEverything(map: CourseMap): Progress {
	const progress: Progress = { lessons: {} };
	for (const lesson of map.lessons) {
		progress.lessons[lesson.id] = {
			answers: Object.fromEntries(lesson.checks.map((key, i) => [key, { choices: [i % 4, 5], right: i % 3 !== 0 }])),
			seen: true,
			marked: true,
			complete: true,
		};
	}
	const last = map.lessons.at(-1)!;
	progress.last = { lesson: last.id, heading: 'a-section-with-a-long-heading-id-éü', text: 'A section with a long heading: “quoted” ~ and more words'.repeat(3) };
	return progress;
}

describe('suspend data', () => {
	it('holds a module of 30 lessons with 10 checks each, every check answered, in 4,096 characters, and gives it back', () => {
		const map = module(30, 10);
		const progress = answeredEverything(map);
		const text = encodeSuspendData(progress, map);
		expect(text.length).toBeLessThanOrEqual(suspendDataLimit);
		expect(decodeSuspendData(text, map)).toEqual(progress);
	});

	it('over its limit drops the last section, then answers, but keeps which lessons are complete', () => {
		const map = module(30, 10);
		const progress = answeredEverything(map);
		const full = encodeSuspendData(progress, map);
		const trimmed = encodeSuspendData(progress, map, full.length - 1);
		expect(trimmed.length).toBeLessThan(full.length);
		const back = decodeSuspendData(trimmed, map);
		expect(back.lessons[map.lessons[0]!.id]).toMatchObject({ complete: true, marked: true });
		const tiny = decodeSuspendData(encodeSuspendData(progress, map, 400), map);
		expect(Object.values(tiny.lessons).every((lesson) => lesson.complete && Object.keys(lesson.answers).length === 0)).toBe(true);
	});

	it('is ignored when it is damaged, from another course or another format', () => {
		const map = module(3, 2);
		const text = encodeSuspendData(answeredEverything(map), map);
		for (const bad of [undefined, '', 'garbage', '{"v":1}', text.slice(0, 3), encodeSuspendData(answeredEverything(map), module(3, 2, 'another-course'))]) {
			expect(decodeSuspendData(bad, map)).toEqual({ lessons: {} });
		}
		expect(() => decodeSuspendData(text.replace('|', '|%%,@@@~%E0%A4%A'), map)).not.toThrow();
	});

	it('leaves out answers to a lesson whose checks changed, and lessons the course no longer has', () => {
		const map = module(3, 2);
		const text = encodeSuspendData(answeredEverything(map), map);
		const changed: CourseMap = { ...map, lessons: [{ ...map.lessons[0]!, checks: ['new-check'] }, map.lessons[2]!] };
		const back = decodeSuspendData(text, changed);
		expect(back.lessons[map.lessons[0]!.id]).toEqual({ answers: {}, marked: true, complete: true, seen: true });
		expect(Object.keys(back.lessons[map.lessons[2]!.id]!.answers)).toHaveLength(2);
		expect(back.lessons[map.lessons[1]!.id]).toBeUndefined();
	});
});

describe('module result', () => {
	it('passes on the share right compared with the pass mark, without rounding', () => {
		const map = module(1, 3);
		const progress: Progress = { lessons: { [map.lessons[0]!.id]: { answers: {} } } };
		const answers = progress.lessons[map.lessons[0]!.id]!.answers;
		answers[map.lessons[0]!.checks[0]!] = { choices: [0], right: true };
		answers[map.lessons[0]!.checks[1]!] = { choices: [0], right: true };
		const result = moduleResult(progress, map);
		expect(result).toMatchObject({ complete: false, right: 2, total: 3 });
		// 2 of 3 is 0.666…: rounded to 67 % it would pass a mark of 0.667.
		expect(passes(result, 0.667)).toBe(false);
		expect(passes(result, 2 / 3)).toBe(true);
		expect(passes(result, undefined)).toBeUndefined();
	});
});

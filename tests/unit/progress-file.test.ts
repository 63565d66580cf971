import { describe, expect, it } from 'vitest';
import { courseSlug } from '../../src/course-slug.ts';
import { progressFileName, progressFileText, readProgressFile } from '../../src/progress/progress-file.ts';
import type { Progress } from '../../src/progress/progress-store.ts';
import { schedule } from '../../src/review/schedule.ts';
import { course } from '../../src/course.ts';

const slug = courseSlug(course.title);
const now = Date.UTC(2026, 11, 6, 12);

/** A module of `lessons` lessons with `checks` checks each, every check answered and reviewed a few times. */
function fullProgress(lessons: number, checks: number): Progress {
	const progress: Progress = { lessons: {}, last: { lesson: 'lessons/lesson-30', heading: 'a-section-heading', text: 'A section heading' } };
	for (let l = 1; l <= lessons; l++) {
		const saved: Progress['lessons'][string] = { answers: {}, cards: {}, complete: true, seen: true };
		for (let c = 0; c < checks; c++) {
			// Keys as the build makes them: ten characters of base64url.
			const key = `k${String(l).padStart(3, '0')}${String(c).padStart(2, '0')}abcd`;
			saved.answers[key] = { choices: [c % 4, (c + 1) % 4], right: c % 3 !== 0 };
			let card = schedule(undefined, c, c % 3 !== 0, now - 40 * 86_400_000);
			for (let r = 0; r < 3; r++) card = schedule(card, c, r !== 1, card.due);
			saved.cards![key] = card;
		}
		progress.lessons[`lessons/lesson-${l}`] = saved;
	}
	return progress;
}

describe('progress files', () => {
	it('gives back the progress saved, reviews included', () => {
		const progress = fullProgress(2, 3);
		const read = readProgressFile(progressFileText(progress, slug, now), slug);
		expect(read).toEqual({ progress });
	});

	it('names the file after the course and the day', () => {
		expect(courseSlug('MLOps Course')).toBe('mlops-course');
		expect(courseSlug('  Données & Modèles: 2!')).toBe('donnees-modeles-2');
		expect(progressFileName(slug, now)).toBe('mlops-course-progress-2026-12-06.json');
	});

	it('stays small for a module of 30 lessons with 10 checks each', () => {
		const text = progressFileText(fullProgress(30, 10), slug, now);
		const bytes = new TextEncoder().encode(text).length;
		console.log(`Progress file of 30 lessons x 10 checks, every check answered and reviewed: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB)`);
		expect(bytes).toBeLessThan(80 * 1024);
	});

	const file = (change: object) => JSON.stringify({ ...JSON.parse(progressFileText(fullProgress(1, 1), slug, now)), ...change });
	it.each([
		['text that is not JSON', '{"format":', /not a progress file/],
		['JSON of another kind', JSON.stringify({ name: 'package' }), /not a progress file/],
		['a list', '[1,2]', /not a progress file/],
		['another course', file({ course: 'data-engineering' }), /another course \(data-engineering\)/],
		['a newer version', file({ v: 2 }), /newer version/],
		['an older version', file({ v: 0 }), /older version/],
	])('refuses %s with a clear reason', (_, text, reason) => {
		const read = readProgressFile(text, slug);
		expect('problem' in read && read.problem).toMatch(reason);
	});

	it('drops the parts of a file it cannot trust and keeps the rest', () => {
		const text = file({ lessons: { 'lessons/a': { answers: { k: { choices: [1], right: true } }, cards: { k: { state: 2, due: 'soon' } } } } });
		expect(readProgressFile(text, slug)).toEqual({ progress: { lessons: { 'lessons/a': { answers: { k: { choices: [1], right: true } }, cards: {} } }, last: expect.anything() } });
	});
});

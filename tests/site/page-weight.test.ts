import { describe, expect, it } from 'vitest';
import { kb, measureFirstLoad } from '../support/first-load.ts';
import { builtSiteDir } from '../support/paths.ts';

/**
 * First-load budget of the lesson, gzip as a static host sends it (images have their own budget).
 * Measured 21.7 KB on 2026-11-28 (HTML 8.1, CSS 9.2, JS 4.4); default Starlight sends 49.6 KB,
 * 28 KB of it Pagefind's UI. The headroom leaves room for the course's own components; a change
 * that needs more should say why in its commit and raise the budget here.
 */
const lessonBudgetBytes = 26_000;
const defaultStarlightBytes = 49_600;

describe('page weight of the lesson', () => {
	const firstLoad = measureFirstLoad(builtSiteDir, 'lessons/automate-deployment/');

	it(`stays within ${kb(lessonBudgetBytes)} KB gzip on first load`, () => {
		const lines = firstLoad.resources.map((r) => `  ${r.type.padEnd(5)} ${kb(r.gzip).padStart(5)} KB gzip  ${kb(r.raw).padStart(5)} KB raw  ${r.path}`);
		console.log(`Lesson first load: ${kb(firstLoad.total.gzip)} KB gzip in ${firstLoad.total.count} requests\n${lines.join('\n')}`);
		expect(lessonBudgetBytes).toBeLessThanOrEqual(defaultStarlightBytes);
		expect(firstLoad.total.gzip).toBeLessThanOrEqual(lessonBudgetBytes);
	});

	it('does not fetch search before it is opened', () => {
		expect(firstLoad.resources.map((r) => r.path).filter((path) => /ui-core|pagefind/.test(path))).toEqual([]);
	});

	it('loads no web font (Starlight uses the system font stack)', () => {
		expect(firstLoad.byType.font.count).toBe(0);
	});
});

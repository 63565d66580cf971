import { describe, expect, it } from 'vitest';
import { kb, measureFirstLoad } from '../support/first-load.ts';
import { builtSiteDir } from '../support/paths.ts';

/**
 * First-load budget of a page, gzip as a static host sends it (images have their own budget): half
 * of default Starlight's 49.6 KB for the same lesson, 28 KB of which is Pagefind's UI fetched after
 * load. The lesson measured 25.1 KB on 2026-11-28 with its five knowledge checks (HTML 10.5, CSS
 * 10.7, JS 3.9). A change that needs more should say why in its commit and raise the budget here.
 */
const pageBudgetBytes = 25_600;

describe.each([
	{ name: 'the lesson', route: 'lessons/automate-deployment/' },
	{ name: 'the home page', route: '' },
])('page weight of $name', ({ name, route }) => {
	const firstLoad = measureFirstLoad(builtSiteDir, route);

	it(`stays within ${kb(pageBudgetBytes)} KB gzip on first load`, () => {
		const lines = firstLoad.resources.map((r) => `  ${r.type.padEnd(5)} ${kb(r.gzip).padStart(5)} KB gzip  ${kb(r.raw).padStart(5)} KB raw  ${r.path}`);
		console.log(`First load of ${name}: ${kb(firstLoad.total.gzip)} KB gzip in ${firstLoad.total.count} requests\n${lines.join('\n')}`);
		expect(firstLoad.total.gzip).toBeLessThanOrEqual(pageBudgetBytes);
	});

	it('does not fetch search before it is opened', () => {
		expect(firstLoad.resources.map((r) => r.path).filter((path) => /ui-core|pagefind/.test(path))).toEqual([]);
	});

	it('loads no web font (Starlight uses the system font stack)', () => {
		expect(firstLoad.byType.font.count).toBe(0);
	});
});

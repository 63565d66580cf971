import { describe, expect, it } from 'vitest';
import { firstLoadProblem } from '../support/budgets.ts';
import { kb, measureFirstLoad } from '../support/first-load.ts';
import { builtSiteDir } from '../support/paths.ts';
import { allPages } from '../support/site-pages.ts';

describe.each(allPages(builtSiteDir))('page weight of /%s', (route) => {
	const firstLoad = measureFirstLoad(builtSiteDir, route);

	it('stays within its first-load budget', () => {
		const lines = firstLoad.resources.map((r) => `  ${r.type.padEnd(5)} ${kb(r.gzip).padStart(5)} KB gzip  ${kb(r.raw).padStart(5)} KB raw  ${r.path}`);
		console.log(`First load of /${route}: ${kb(firstLoad.total.gzip)} KB gzip in ${firstLoad.total.count} requests\n${lines.join('\n')}`);
		expect(firstLoadProblem(route, firstLoad)).toBeUndefined();
	});

	it('does not fetch search before it is opened', () => {
		expect(firstLoad.resources.map((r) => r.path).filter((path) => /ui-core|pagefind/.test(path))).toEqual([]);
	});

	it('loads no web font (Starlight uses the system font stack)', () => {
		expect(firstLoad.byType.font.count).toBe(0);
	});
});

import { describe, expect, it } from 'vitest';
import { deadInternalLinks } from '../support/internal-links.ts';
import { builtSiteDir } from '../support/paths.ts';
import { allPages } from '../support/site-pages.ts';

describe('links between pages of the build', () => {
	it.each(allPages(builtSiteDir))('/%s: every link leads to a page, and to a section of it', (route) => {
		expect(deadInternalLinks(builtSiteDir, route)).toEqual([]);
	});
});

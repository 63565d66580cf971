import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, connectBrowser, noBrowser, screenshotsDir, siteUrl, themes, widths } from '../support/browser.ts';
import { auditPage, viewName, type PageAudit } from '../support/page-audit.ts';
import { builtSiteDir } from '../support/paths.ts';
import { allPages } from '../support/site-pages.ts';

/** A screenshot's file name: the route in words, the theme and the width. */
function screenshotName(route: string, theme: string, width: number): string {
	const name = route.replace(/\/$/, '').replace(/\.html$/, '').replaceAll('/', '-') || 'landing';
	return `${name}-${theme}-${width}.png`;
}

/**
 * Every page the build published (the sitemap and the 404 page), in each theme at a laptop and a
 * phone width, as a learner opens and reads it. Nothing here names a lesson: a new one is checked
 * as soon as it is built.
 */
describe.skipIf(noBrowser)(`every page in the browser${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await connectBrowser();
		mkdirSync(screenshotsDir, { recursive: true });
	});
	afterAll(() => browser?.close());

	for (const route of allPages(builtSiteDir)) {
		for (const theme of themes) {
			for (const width of widths) {
				describe(viewName({ route, theme, width }), () => {
					let audit: PageAudit;
					beforeAll(async () => {
						audit = await auditPage(browser, siteUrl, route, { theme, width, screenshot: join(screenshotsDir, screenshotName(route, theme, width)) });
					});

					it('shows the chosen theme', () => expect(audit.shownTheme).toBe(theme));
					it('logs no console error', () => expect(audit.consoleErrors).toEqual([]));
					it('has no failed request', () => expect(audit.failedRequests).toEqual([]));
					it('loads every image, each with the width and height that reserve its space', () => {
						expect(audit.brokenImages).toEqual([]);
						expect(audit.imagesWithoutSize).toEqual([]);
					});
					if (width < 800) it('does not scroll sideways on a phone', () => expect(audit.sidewaysScroll).toEqual([]));
					it('fits every table to the column, without a scrollbar of its own', () => expect(audit.overflowingTables).toEqual([]));
					it('has no WCAG 2.1 A/AA violation found by axe', () => expect(audit.axeViolations).toEqual([]));
				});
			}
		}
	}
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, connectBrowser, newContext, noBrowser, siteUrl } from '../support/browser.ts';
import { measureFirstLoad } from '../support/first-load.ts';
import { builtSiteDir } from '../support/paths.ts';
import { allPages } from '../support/site-pages.ts';

/**
 * The byte budget (tests/site/page-weight.test.ts) reads the first-load set from the built HTML.
 * This checks that reading against what Chromium really requests, so the budget counts every file.
 */
describe.skipIf(noBrowser)(`first load in the browser${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await connectBrowser();
	});
	afterAll(() => browser?.close());

	for (const route of allPages(builtSiteDir)) {
		for (const width of [1280, 375]) {
			it(`/${route} requests exactly the files the budget counts, at ${width}px`, async () => {
				const context = await newContext(browser, { width });
				const page = await context.newPage();
				const requested = new Set<string>();
				page.on('request', (request) => {
					// Images have their own budget; the favicon is fetched once per site, not per page.
					if (request.resourceType() === 'image' || request.url().endsWith('/favicon.svg')) return;
					requested.add(new URL(request.url()).pathname);
				});
				await page.goto(siteUrl + route);
				await page.waitForLoadState('networkidle');
				await context.close();
				const counted = measureFirstLoad(builtSiteDir, route).resources.map((r) => r.path);
				expect([...requested].sort()).toEqual([...counted].sort());
			});
		}
	}
});

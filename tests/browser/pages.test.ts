import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, connectBrowser, noBrowser, screenshotsDir, siteUrl, themes, widths } from '../support/browser.ts';
import { measureFirstLoad } from '../support/first-load.ts';
import { auditPage, viewName, type PageAudit } from '../support/page-audit.ts';
import { builtSiteDir } from '../support/paths.ts';
import { allPages } from '../support/site-pages.ts';

/** A screenshot's file name: the route in words, the theme and the width. */
function screenshotName(route: string, theme: string, width: number): string {
	const name = route.replace(/\/$/, '').replace(/\.html$/, '').replaceAll('/', '-') || 'landing';
	return `${name}-${theme}-${width}.png`;
}

const routes = allPages(builtSiteDir);

/** The files each page's first load should request, as the byte budget counts them; one reading per page. */
const countedFirstLoad = new Map(routes.map((route) => [route, measureFirstLoad(builtSiteDir, route).resources.map((resource) => resource.path).sort()]));

/** Every page the build published (the sitemap and the 404 page), in each theme at a laptop and a phone width. */
const views = routes.flatMap((route) => themes.flatMap((theme) => widths.map((width) => ({ route, theme, width }))));

/**
 * Opens views two at a time, in the worker's shared pages (a fresh context per view cost four times
 * the navigation; storage and the cache are cleared between views): much of an audit is waiting (for lazy images while it scrolls, for
 * the network to settle), which the other one fills.
 */
async function auditAll(browser: Browser, lanes = 2): Promise<Map<string, PageAudit>> {
	const audits = new Map<string, PageAudit>();
	const queue = [...views];
	const lane = async () => {
		for (let view = queue.shift(); view; view = queue.shift()) {
			const { route, theme, width } = view;
			const screenshot = join(screenshotsDir, screenshotName(route, theme, width));
			audits.set(viewName(view), await auditPage(browser, siteUrl, route, { theme, width, screenshot, shared: true }));
		}
	};
	await Promise.all(Array.from({ length: lanes }, lane));
	return audits;
}

/**
 * Every page as a learner opens and reads it. Nothing here names a lesson: a new one is checked as
 * soon as it is built.
 */
describe.skipIf(noBrowser)(`every page in the browser${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	let browser: Browser;
	let audits: Map<string, PageAudit>;
	beforeAll(async () => {
		browser = await connectBrowser();
		mkdirSync(screenshotsDir, { recursive: true });
		audits = await auditAll(browser);
	});
	afterAll(() => browser?.close());

	for (const view of views) {
		describe(viewName(view), () => {
			const audit = () => audits.get(viewName(view))!;
			it('shows the chosen theme', () => expect(audit().shownTheme).toBe(view.theme));
			it('logs no console error', () => expect(audit().consoleErrors).toEqual([]));
			it('has no failed request', () => expect(audit().failedRequests).toEqual([]));
			// The byte budget (tests/site/page-weight.test.ts) reads the first-load files from the HTML.
			it('requests at first load exactly the files the byte budget counts', () => {
				expect(audit().firstLoadRequests).toEqual(countedFirstLoad.get(view.route));
			});
			it('loads every image, each with the width and height that reserve its space', () => {
				expect(audit().brokenImages).toEqual([]);
				expect(audit().imagesWithoutSize).toEqual([]);
			});
			if (view.width < 800) it('does not scroll sideways on a phone', () => expect(audit().sidewaysScroll).toEqual([]));
			it('fits every table to the column, without a scrollbar of its own', () => expect(audit().overflowingTables).toEqual([]));
			it('has no WCAG 2.1 A/AA violation found by axe', () => expect(audit().axeViolations).toEqual([]));
		});
	}
});

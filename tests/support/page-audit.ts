import type { Browser, Page } from 'playwright-core';
import { axeViolations, type AxeViolation } from './axe.ts';
import { newContext, releaseSharedPage, sharedPage, watchProblems, type Theme } from './browser.ts';

export interface PageAudit {
	/** The page, as a route under the site's base ('' is the landing page). */
	route: string;
	theme: Theme;
	width: number;
	shownTheme: string | undefined;
	/**
	 * Paths the page requested before it was scrolled or touched, once the network was quiet: its
	 * first load. Images (they have their own budget) and the favicon (fetched once a site) are left out.
	 */
	firstLoadRequests: string[];
	consoleErrors: string[];
	failedRequests: string[];
	/** Images that did not load, and images without the width and height that reserve their space. */
	brokenImages: string[];
	imagesWithoutSize: string[];
	/** The widest elements, when the page scrolls sideways on a phone. */
	sidewaysScroll: string[];
	/** Tables of the content wider than the column they stand in, which a learner must scroll. */
	overflowingTables: string[];
	axeViolations: AxeViolation[];
}

/**
 * Opens a page as a learner would, in a fresh browser context (or, with `shared`, one of the
 * worker's shared pages with the origin's data and the cache cleared), notes what its first load requested,
 * reads it to the end (so lazy images and scripts load, as they do for a reader), then records everything a learner's browser would
 * complain about, runs axe, and takes a full-page screenshot when asked. The same audit runs over
 * every page of the site, and over a fixture course to show it catches a faulty lesson.
 */
export async function auditPage(
	browser: Browser,
	siteUrl: string,
	route: string,
	options: { theme: Theme; width: number; screenshot?: string; shared?: boolean },
): Promise<PageAudit> {
	// A shared page (see sharedPage in browser.ts) shows the theme by the system preference; a fresh
	// context by the learner's saved choice, as Starlight keeps it.
	const context = options.shared ? undefined : await newContext(browser, { width: options.width, theme: options.theme });
	const page: Page = context ? await context.newPage() : await sharedPage({ width: options.width, theme: options.theme, origin: new URL(siteUrl).origin });
	try {
		const problems = watchProblems(page);
		const requested = new Set<string>();
		page.on('request', (request) => {
			if (request.resourceType() === 'image' || request.url().endsWith('/favicon.svg')) return;
			requested.add(new URL(request.url()).pathname);
		});
		await page.goto(siteUrl + route, { waitUntil: 'load' });
		await page.waitForLoadState('networkidle');
		const firstLoadRequests = [...requested].sort();
		await page.evaluate(async () => {
			for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
				window.scrollTo(0, y);
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			window.scrollTo(0, 0);
		});
		await page.waitForLoadState('networkidle');
		const images = await page.$$eval('img', (all) =>
			Promise.all(
				all.map(async (img) => {
					await img.decode().catch(() => undefined);
					return {
						src: img.getAttribute('src') ?? '',
						loaded: img.complete && img.naturalWidth > 0,
						sized: img.hasAttribute('width') && img.hasAttribute('height'),
					};
				}),
			),
		);
		const sidewaysScroll =
			options.width < 800
				? await page.evaluate(() => {
						const width = document.documentElement.clientWidth;
						if (document.documentElement.scrollWidth <= width) return [];
						return [...document.querySelectorAll('body *')]
							.filter((el) => el.getBoundingClientRect().right > width + 1)
							.slice(0, 5)
							.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
					})
				: [];
		const overflowingTables = await page.$$eval('.sl-markdown-content table', (tables) =>
			tables
				.filter((table) => table.getBoundingClientRect().width > (table.parentElement?.clientWidth ?? Infinity) + 1)
				.map((table) => table.querySelector('caption')?.textContent?.trim() || 'a table without a caption'),
		);
		const violations = await axeViolations(page);
		if (options.screenshot) await page.screenshot({ path: options.screenshot, fullPage: true });
		return {
			route,
			theme: options.theme,
			width: options.width,
			shownTheme: await page.evaluate(() => document.documentElement.dataset.theme),
			firstLoadRequests,
			consoleErrors: problems.consoleErrors,
			failedRequests: problems.failedRequests.map((request) => `${request.problem} ${request.url} (${request.type})`),
			brokenImages: images.filter((image) => !image.loaded).map((image) => image.src),
			imagesWithoutSize: images.filter((image) => !image.sized).map((image) => image.src),
			sidewaysScroll,
			overflowingTables,
			axeViolations: violations,
		};
	} finally {
		if (context) await context.close();
		else await releaseSharedPage(page, { width: options.width });
	}
}

/** A short name of an audited view for test titles and failure messages. */
export function viewName(audit: Pick<PageAudit, 'route' | 'theme' | 'width'>): string {
	return `/${audit.route}, ${audit.theme}, ${audit.width}px`;
}

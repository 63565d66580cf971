import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	browserSkipReason,
	connectBrowser,
	newContext,
	noBrowser,
	pages,
	screenshotsDir,
	siteUrl,
	themes,
	watchProblems,
	widths,
	type PageProblems,
} from '../support/browser.ts';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Every page in each theme at a laptop and a phone width, as a learner opens it. Each combination
 * loads its page once; the checks below read what that visit recorded.
 */
describe.skipIf(noBrowser)(`pages in the browser${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await connectBrowser();
		mkdirSync(screenshotsDir, { recursive: true });
	});
	afterAll(() => browser?.close());

	for (const target of pages) {
		for (const theme of themes) {
			for (const width of widths) {
				describe(`${target.name}, ${theme}, ${width}px`, () => {
					let context: BrowserContext;
					let page: Page;
					let problems: PageProblems;
					let imageUrls: Set<string>;

					beforeAll(async () => {
						context = await newContext(browser, { width, theme });
						page = await context.newPage();
						problems = watchProblems(page);
						await page.goto(siteUrl + target.path, { waitUntil: 'load' });
						await page.waitForLoadState('networkidle');
						imageUrls = new Set(await page.$$eval('img', (images) => images.map((img) => img.currentSrc || img.src)));
						await page.screenshot({ path: join(screenshotsDir, `${target.name}-${theme}-${width}.png`), fullPage: true });
					});
					afterAll(() => context?.close());

					it('shows the chosen theme', async () => {
						expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
					});

					// Failed images are the image check's to report (once, naming each file).
					it('logs no console error', () => {
						const failedImages = new Set(problems.failedRequests.filter((r) => r.type === 'image').map((r) => r.url));
						const errors = problems.consoleErrors.filter((error) => ![...failedImages].some((url) => error.endsWith(`(${url})`)));
						expect(errors).toEqual([]);
					});

					it('has no failed request', () => {
						expect(problems.failedRequests.filter((r) => r.type !== 'image')).toEqual([]);
					});

					it('loads every image', async () => {
						// Lazy images load only near the viewport: ask for all of them, as scrolling would.
						const images = await page.$$eval('img', async (all) => {
							for (const img of all) img.loading = 'eager';
							await Promise.all(all.map((img) => img.decode().catch(() => undefined)));
							return all.map((img) => ({ src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0 }));
						});
						expect(images.filter((img) => !img.loaded).map((img) => img.src)).toEqual([]);
						expect(problems.failedRequests.filter((r) => r.type === 'image' || imageUrls.has(r.url))).toEqual([]);
					});

					if (width === 375) {
						it('does not scroll sideways on a phone', async () => {
							const overflow = await page.evaluate(() => ({
								scrollWidth: document.documentElement.scrollWidth,
								clientWidth: document.documentElement.clientWidth,
								// The widest offenders, to say what to fix when this fails.
								wide: [...document.querySelectorAll('body *')]
									.filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
									.slice(0, 5)
									.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
							}));
							expect(overflow.scrollWidth, overflow.wide.join(', ')).toBeLessThanOrEqual(overflow.clientWidth);
						});
					}

					if (target.name === 'lesson') {
						it('shows the exam domain, and the comparison table without scrolling of its own', async () => {
							await expect.poll(() => page.locator('.course-aside--exam-domain').isVisible()).toBe(true);
							const table = await page.locator('.comparison-table').evaluate((box) => ({ scroll: box.scrollWidth, client: box.clientWidth }));
							expect(table.scroll).toBeLessThanOrEqual(table.client);
						});
					}

					it('has no WCAG 2.1 A/AA violation found by axe', async () => {
						const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
						const violations = results.violations.map((v) => ({
							rule: v.id,
							impact: v.impact,
							targets: v.nodes.map((node) => node.target.join(' ')),
						}));
						expect(violations).toEqual([]);
					});
				});
			}
		}
	}
});

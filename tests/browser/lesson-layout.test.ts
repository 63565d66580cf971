import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, connectBrowser, newContext, noBrowser, siteUrl } from '../support/browser.ts';

const cases = [
	{ width: 375, theme: 'light' },
	{ width: 375, theme: 'dark' },
	{ width: 1280, theme: 'light' },
	{ width: 1280, theme: 'dark' },
] as const;

describe.skipIf(noBrowser)(`the lesson's components in a browser${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await connectBrowser();
	});

	afterAll(async () => {
		await browser?.close();
	});

	it.each(cases)('fits $width px wide in $theme mode, table and exam domain included', async ({ width, theme }) => {
		const context = await newContext(browser, { width, theme });
		const page = await context.newPage();
		await page.goto(`${siteUrl}lessons/automate-deployment/`);
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
		// Nothing makes the page scroll sideways, and the table needs no scrolling of its own.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
		const scroll = await page.locator('.comparison-table').evaluate((box) => ({ scroll: box.scrollWidth, client: box.clientWidth }));
		expect(scroll.scroll).toBeLessThanOrEqual(scroll.client);
		await expect.poll(() => page.locator('.course-aside--exam-domain').isVisible()).toBe(true);
		await context.close();
	});
});

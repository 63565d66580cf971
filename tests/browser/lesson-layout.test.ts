import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from '../support/browser.ts';
import { builtSiteDir } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';

/** Set SCREENSHOTS_DIR to keep a full-page picture of each case for a human to look at. */
const screenshotsDir = process.env.SCREENSHOTS_DIR;

const cases = [
	{ width: 375, theme: 'light' },
	{ width: 375, theme: 'dark' },
	{ width: 1280, theme: 'light' },
	{ width: 1280, theme: 'dark' },
] as const;

describe.skipIf(!chromiumPath)('the lesson in a browser', () => {
	let browser: Browser;
	let site: Awaited<ReturnType<typeof serveStatic>>;

	beforeAll(async () => {
		site = await serveStatic(builtSiteDir);
		browser = await launchChromium();
		if (screenshotsDir) mkdirSync(screenshotsDir, { recursive: true });
	});

	afterAll(async () => {
		await browser?.close();
		await site?.close();
	});

	it.each(cases)('fits $width px wide in $theme mode, table and exam domain included', async ({ width, theme }) => {
		const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: theme });
		await context.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
		const page = await context.newPage();
		await page.goto(`${site.origin}/lessons/automate-deployment/`);
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
		// Nothing makes the page scroll sideways, and the table needs no scrolling of its own.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
		const scroll = await page.locator('.comparison-table').evaluate((box) => ({ scroll: box.scrollWidth, client: box.clientWidth }));
		expect(scroll.scroll).toBeLessThanOrEqual(scroll.client);
		await expect.poll(() => page.locator('.course-aside--exam-domain').isVisible()).toBe(true);
		if (screenshotsDir) await page.screenshot({ path: join(screenshotsDir, `lesson-${width}-${theme}.png`), fullPage: true });
		await context.close();
	});
});

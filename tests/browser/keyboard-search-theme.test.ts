import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { browserSkipReason, noBrowser, screenshotsDir, siteUrl, useFreshContexts } from '../support/browser.ts';
import { builtSiteDir } from '../support/paths.ts';
import { lessonRoutes } from '../support/site-pages.ts';

/** A lesson page: the first the build published (the search test looks for this course's first lesson on purpose). */
const lessonPath = lessonRoutes(builtSiteDir)[0]!;

/** What the focused element is, in words a failure message can use, and whether focus is visible. */
async function describeFocus(page: Page) {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return { region: 'none', label: '', visible: false };
		const region = el.matches('.sl-skip-link')
			? 'skip link'
			: el.matches('button[data-open-modal]')
				? 'search'
				: el.closest('nav.sidebar')
					? 'sidebar'
					: el.closest('starlight-toc')
						? 'table of contents'
						: el.closest('main')
							? 'main'
							: el.closest('header')
								? 'header'
								: 'other';
		const style = getComputedStyle(el);
		const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
		const visible = el.matches(':focus-visible') && (outline || style.boxShadow !== 'none');
		return { region, label: (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40), visible };
	});
}

describe.skipIf(noBrowser)(`keyboard, search and theme${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	const view = useFreshContexts();

	/** Opens a page of the site in a fresh context, light, 1280 px wide unless told. */
	async function open(path: string, width = 1280) {
		const opened = await view.page({ width });
		await opened.page.goto(siteUrl + path);
		return opened;
	}

	it('Tab reaches the skip link, search, sidebar and table of contents in that order, with visible focus', async () => {
		const { page } = await open(lessonPath);
		const visited: Awaited<ReturnType<typeof describeFocus>>[] = [];
		for (let i = 0; i < 40; i++) {
			await page.keyboard.press('Tab');
			const focus = await describeFocus(page);
			visited.push(focus);
			if (focus.region === 'main') break;
		}
		const firstOf = (region: string) => visited.findIndex((f) => f.region === region);
		const order = ['skip link', 'search', 'sidebar', 'table of contents', 'main'].map(firstOf);
		expect(order[0], JSON.stringify(visited)).toBe(0);
		for (const index of order) expect(index, JSON.stringify(visited)).toBeGreaterThanOrEqual(0);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(visited.filter((f) => !f.visible)).toEqual([]);
	});

	it('the skip link moves focus past the navigation to the lesson', async () => {
		const { page } = await open(lessonPath);
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		expect((await describeFocus(page)).region).toBe('main');
	});

	it('search finds the lesson for "reproducibility" and opens it', async () => {
		const { page, problems } = await open('');
		await page.getByRole('button', { name: 'Search' }).click();
		const input = page.locator('site-search dialog').getByRole('textbox', { name: 'Search' });
		await input.fill('reproducibility');
		const result = page.locator('.pagefind-ui__result-link', { hasText: 'Automate Deployment' }).first();
		await result.waitFor();
		// Searching itself (UI, engine, index, wasm) must not fail; the lesson page has its own checks.
		expect(problems.consoleErrors).toEqual([]);
		expect(problems.failedRequests).toEqual([]);
		// The open dialog with its results is part of the page a learner uses: axe checks it too.
		expect(await axeViolations(page, 'site-search dialog')).toEqual([]);
		mkdirSync(screenshotsDir, { recursive: true });
		await page.screenshot({ path: join(screenshotsDir, 'search-light-1280.png') });
		await result.click();
		await page.waitForURL(`**/${lessonPath}**`);
		expect(new URL(page.url()).pathname).toBe(`/${lessonPath}`);
	});

	it('fetches Pagefind only once search is wanted', async () => {
		const { page } = await open(lessonPath);
		const requested: string[] = [];
		page.on('request', (request) => requested.push(request.url()));
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(300);
		expect(requested.filter((url) => /ui-core|pagefind/.test(url))).toEqual([]);
		await page.getByRole('button', { name: 'Search' }).hover();
		await expect.poll(() => requested.some((url) => url.includes('ui-core')), { timeout: 10_000 }).toBe(true);
	});

	it('opens with Ctrl+K and "/", keeps focus inside, closes with Escape and returns focus', async () => {
		const { page } = await open(lessonPath, 375);
		const button = page.getByRole('button', { name: 'Search' });
		const dialog = page.locator('site-search dialog');
		const searchbox = dialog.getByRole('textbox', { name: 'Search' });

		await page.keyboard.press('Control+k');
		await expect.poll(() => searchbox.evaluate((el) => el === document.activeElement), { timeout: 10_000 }).toBe(true);
		// Tabbing around never reaches the page behind the modal dialog (the browser's own controls
		// may take a turn, shown here as no focused element).
		for (let i = 0; i < 6; i++) {
			await page.keyboard.press('Tab');
			const outside = await page.evaluate(() => {
				const el = document.activeElement;
				return el && el !== document.body && !el.closest('dialog') ? el.outerHTML.slice(0, 80) : null;
			});
			expect(outside).toBeNull();
		}
		await page.keyboard.press('Escape');
		expect(await dialog.isVisible()).toBe(false);
		expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

		await page.keyboard.press('/');
		await expect.poll(() => searchbox.evaluate((el) => el === document.activeElement), { timeout: 10_000 }).toBe(true);
		// Inside the search field "/" is a character, not a shortcut.
		await page.keyboard.type('a/b');
		expect(await searchbox.inputValue()).toBe('a/b');
	});

	it('the theme switch changes the theme and the choice survives a reload', async () => {
		const { page } = await open(lessonPath);
		const select = page.locator('header starlight-theme-select select');
		const current = await page.evaluate(() => document.documentElement.dataset.theme);
		const other = current === 'dark' ? 'light' : 'dark';
		await select.selectOption(other);
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(other);
		await page.reload();
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(other);
		expect(await select.inputValue()).toBe(other);
	});
});

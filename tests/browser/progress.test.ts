import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { storageKey } from '../../src/progress/progress-store.ts';
import { browserSkipReason, connectBrowser, newContext, noBrowser, screenshotsDir, siteUrl, themes, watchProblems, widths, type Theme } from '../support/browser.ts';
import { wcagTags } from '../support/page-audit.ts';
import { builtSiteDir } from '../support/paths.ts';
import { lessonRoutes } from '../support/site-pages.ts';

/** A lesson with knowledge checks: the first the build published (its checks are read from the page, never named). */
const lesson = lessonRoutes(builtSiteDir)[0]!;

/** Answers a check right or wrong, reading the right options from its answer key, and checks it. */
async function answer(check: Locator, right: boolean) {
	await check.scrollIntoViewIfNeeded();
	await expect.poll(() => check.locator('.kc-actions').isVisible()).toBe(true);
	const correct = await check.locator('.kc-key > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-correct') === 'true'));
	const inputs = check.locator('.kc-option input');
	const pick = right ? correct.flatMap((is, index) => (is ? [index] : [])) : [correct.indexOf(false)];
	for (const index of pick) await inputs.nth(index).check();
	await check.getByRole('button', { name: 'Check' }).click();
	await expect.poll(() => check.getByRole('status').textContent()).toMatch(right ? /^Right\./ : /^Not quite/);
}

const saved = (page: Page) => page.evaluate((key) => localStorage.getItem(key), storageKey);
const axeViolations = async (page: Page) =>
	(await new AxeBuilder({ page }).withTags(wcagTags).analyze()).violations.map((v) => ({ rule: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));

/** The layout shifts of a page as it loads (CLS), recorded from the first paint. */
async function recordLayoutShifts(context: BrowserContext) {
	await context.addInitScript(() => {
		(window as unknown as { shifts: number }).shifts = 0;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
				if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
}

describe.skipIf(noBrowser)(`learners' progress${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	let browser: Browser;
	let context: BrowserContext;
	beforeAll(async () => {
		browser = await connectBrowser();
	});
	afterAll(() => browser?.close());
	afterEach(() => context?.close());

	async function open(options: { theme?: Theme; width?: number; init?: string } = {}) {
		context = await newContext(browser, { width: options.width ?? 1280, theme: options.theme ?? 'light' });
		if (options.init) await context.addInitScript(options.init);
		const page = await context.newPage();
		return { page, problems: watchProblems(page) };
	}

	for (const theme of themes) {
		for (const width of widths) {
			it(`answers, completion, resume and reset survive reloads and show everywhere (${theme}, ${width}px)`, async () => {
				const { page, problems } = await open({ theme, width });
				await page.goto(siteUrl + lesson);
				const checks = page.locator('knowledge-check');
				const first = checks.first();
				expect(await axeViolations(page), 'unanswered').toEqual([]);

				// A wrong answer, then a right one on the next check: both kept across a reload.
				await answer(first, false);
				expect(await axeViolations(page), 'answered wrong').toEqual([]);
				await answer(checks.nth(1), true);
				expect(await axeViolations(page), 'answered right').toEqual([]);
				await page.reload();
				await first.scrollIntoViewIfNeeded();
				await expect.poll(() => first.getByRole('status').textContent()).toMatch(/^Not quite/);
				expect(await first.locator('input:checked').count()).toBe(1);
				await checks.nth(1).scrollIntoViewIfNeeded();
				await expect.poll(() => checks.nth(1).getByRole('status').textContent()).toMatch(/^Right\./);

				// "Try again" forgets that one answer only.
				await first.getByRole('button', { name: 'Try again' }).click();
				await page.reload();
				await first.scrollIntoViewIfNeeded();
				await expect.poll(() => first.locator('.kc-actions').isVisible()).toBe(true);
				expect(await first.locator('input:checked').count()).toBe(0);
				expect(await first.getByRole('button', { name: 'Check' }).isVisible()).toBe(true);

				// Reading a section, then marking the lesson complete.
				const heading = page.locator('.sl-markdown-content :is(h2, h3, h4)').nth(4);
				const headingId = await heading.getAttribute('id');
				await heading.evaluate((element) => element.scrollIntoView({ block: 'start' }));
				await expect.poll(async () => JSON.parse((await saved(page)) ?? '{}').last?.heading, { timeout: 5000 }).toBe(headingId);
				const mark = page.getByRole('button', { name: 'Mark lesson complete' });
				await mark.scrollIntoViewIfNeeded();
				await mark.click();
				expect(await mark.getAttribute('aria-pressed')).toBe('true');
				await expect.poll(() => page.locator('lesson-progress [role="status"]').textContent()).toMatch(/You marked this lesson complete/);
				expect(await axeViolations(page), 'complete').toEqual([]);
				const sidebarLink = page.locator(`nav.sidebar a[href$="/${lesson}"]`);
				expect(await sidebarLink.getAttribute('data-complete')).toBe('');
				expect(await sidebarLink.textContent()).toMatch(/\(complete\)$/);
				if (width < 800) await page.getByRole('button', { name: 'Menu' }).click();
				await sidebarLink.scrollIntoViewIfNeeded();
				await page.screenshot({ path: join(screenshotsDir, `progress-lesson-${theme}-${width}.png`) });
				if (width < 800) await page.getByRole('button', { name: 'Menu' }).click();

				// The course overview: the lesson complete, the count, and the way back to the section last in
				// view (near the end now, where the button is).
				const last = JSON.parse((await saved(page))!).last;
				expect(last.lesson).toBe(lesson.replace(/\/$/, ''));
				const lastId: string = last.heading;
				expect(await page.locator(`.sl-markdown-content [id="${lastId}"]`).count()).toBe(1);
				await page.goto(siteUrl);
				const card = page.locator(`.lesson-card[data-lesson="${lesson.replace(/\/$/, '')}"]`);
				await expect.poll(() => card.locator('.lesson-card__status').textContent()).toBe('Complete');
				const lessonCount = await page.locator('.lesson-card').count();
				expect(await page.locator('.course-progress__summary').textContent()).toBe(`1 of ${lessonCount} lessons complete.`);
				const resume = page.locator('.course-progress__last a');
				expect(await resume.getAttribute('href')).toMatch(new RegExp(`/${lesson}#${lastId}$`));
				expect(await page.locator('.hero .sl-link-button').textContent()).toMatch(/Resume the course/);
				expect(await axeViolations(page), 'overview with progress').toEqual([]);
				await page.screenshot({ path: join(screenshotsDir, `progress-overview-${theme}-${width}.png`), fullPage: true });
				await page.locator('.hero .sl-link-button').click();
				await page.waitForURL(`**/${lesson}#${lastId}`);
				const target = page.locator(`[id="${lastId}"]`);
				await expect.poll(() => target.evaluate((element) => element.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
				expect(await target.evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(width < 800 ? 812 : 800);

				// Reset, after a confirmation; keeping it changes nothing.
				await page.goto(siteUrl);
				await page.getByRole('button', { name: 'Reset progress' }).click();
				await page.getByRole('button', { name: 'Keep my progress' }).click();
				expect(await saved(page)).not.toBeNull();
				await page.getByRole('button', { name: 'Reset progress' }).click();
				expect(await axeViolations(page), 'reset question').toEqual([]);
				await page.getByRole('group').getByRole('button', { name: 'Reset progress' }).click();
				expect(await saved(page)).toBeNull();
				await expect.poll(() => card.locator('.lesson-card__status').textContent()).toBe('Not started');
				expect(await page.locator('.course-progress__summary').textContent()).toBe(`0 of ${lessonCount} lessons complete.`);
				expect(await page.locator('.hero .sl-link-button').textContent()).toMatch(/Start the course/);
				expect(await page.getByRole('button', { name: 'Reset progress' }).evaluate((button) => button === document.activeElement)).toBe(true);

				expect(problems.consoleErrors).toEqual([]);
				expect(problems.failedRequests).toEqual([]);
			});
		}
	}

	it('completes a lesson when every check on it is answered right, and undoes a mark', async () => {
		const { page } = await open();
		await page.goto(siteUrl + lesson);
		const checks = page.locator('knowledge-check');
		for (let index = 0; index < (await checks.count()); index++) await answer(checks.nth(index), true);
		await expect.poll(() => page.locator('lesson-progress [role="status"]').textContent()).toMatch(/every knowledge check is answered right/);
		expect(await page.locator(`nav.sidebar a[href$="/${lesson}"]`).getAttribute('data-complete')).toBe('');
		await checks.first().getByRole('button', { name: 'Try again' }).click();
		await expect.poll(() => page.locator(`nav.sidebar a[href$="/${lesson}"]`).getAttribute('data-complete')).toBeNull();
		const mark = page.getByRole('button', { name: 'Mark lesson complete' });
		await mark.click();
		await mark.click();
		expect(await mark.getAttribute('aria-pressed')).toBe('false');
		expect(await page.locator(`nav.sidebar a[href$="/${lesson}"]`).getAttribute('data-complete')).toBeNull();
	});

	it('keeps the saved answers of other checks when one check was edited', async () => {
		const { page } = await open();
		await page.goto(siteUrl + lesson);
		const checks = page.locator('knowledge-check');
		await answer(checks.nth(0), true);
		await answer(checks.nth(1), true);
		// An edited check has a new key: the answer saved under the old key no longer fits it.
		await page.evaluate((key) => {
			const progress = JSON.parse(localStorage.getItem(key)!);
			const first = document.querySelector<HTMLElement>('knowledge-check')!.dataset.key!;
			for (const lesson of Object.values(progress.lessons) as { answers: Record<string, unknown> }[]) {
				if (lesson.answers[first]) {
					lesson.answers['an-edited-check'] = lesson.answers[first];
					delete lesson.answers[first];
				}
			}
			localStorage.setItem(key, JSON.stringify(progress));
		}, storageKey);
		await page.reload();
		await checks.nth(1).scrollIntoViewIfNeeded();
		await expect.poll(() => checks.nth(1).getByRole('status').textContent()).toMatch(/^Right\./);
		await checks.nth(0).scrollIntoViewIfNeeded();
		await expect.poll(() => checks.nth(0).locator('.kc-actions').isVisible()).toBe(true);
		expect(await checks.nth(0).locator('input:checked').count()).toBe(0);
	});

	it('shows a change made in another tab', async () => {
		const { page: overview } = await open();
		await overview.goto(siteUrl);
		const lessonTab = await context.newPage();
		await lessonTab.goto(siteUrl + lesson);
		await lessonTab.getByRole('button', { name: 'Mark lesson complete' }).click();
		await expect.poll(() => overview.locator('.course-progress__summary').textContent()).toMatch(/^1 of/);
		await lessonTab.getByRole('button', { name: 'Mark lesson complete' }).click();
		await expect.poll(() => overview.locator('.course-progress__summary').textContent()).toMatch(/^0 of/);
	});

	it('works without an error when the browser refuses storage, and keeps choices for the page', async () => {
		const refuse = `for (const name of ['localStorage', 'sessionStorage']) Object.defineProperty(window, name, { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });`;
		const { page, problems } = await open({ theme: 'dark', init: refuse });
		await page.goto(siteUrl + lesson);
		await answer(page.locator('knowledge-check').first(), true);
		const mark = page.getByRole('button', { name: 'Mark lesson complete' });
		await mark.click();
		expect(await mark.getAttribute('aria-pressed')).toBe('true');
		expect(await page.locator(`nav.sidebar a[href$="/${lesson}"]`).getAttribute('data-complete')).toBe('');
		await page.locator('header starlight-theme-select select').selectOption('light');
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
		await page.goto(siteUrl);
		await expect.poll(() => page.locator('.course-progress__summary').textContent()).toMatch(/^0 of/);
		expect(problems.consoleErrors).toEqual([]);
	});

	it.each([
		['text that is not JSON', '{"v":1,"lessons":'],
		['an older format', '{"lessons/automate-deployment":"done"}'],
		['a lesson the course no longer has, and malformed answers', JSON.stringify({ v: 1, lessons: { 'lessons/removed': { answers: {}, marked: true }, x: { answers: { k: { choices: 'all' } } } }, last: { lesson: 'lessons/removed', heading: 'a', text: 'A' } })],
	])('drops %s without an error', async (_, garbage) => {
		const { page, problems } = await open({ init: `if (!sessionStorage.getItem('seeded')) { localStorage.setItem(${JSON.stringify(storageKey)}, ${JSON.stringify(garbage)}); sessionStorage.setItem('seeded', '1'); }` });
		await page.goto(siteUrl);
		await expect.poll(() => page.locator('.course-progress__summary').textContent()).toMatch(/^0 of/);
		expect(await page.locator('.course-progress__last a').isHidden()).toBe(true);
		expect(await page.locator('.hero .sl-link-button').textContent()).toMatch(/Start the course/);
		await page.goto(siteUrl + lesson);
		await answer(page.locator('knowledge-check').first(), true);
		const stored = JSON.parse((await saved(page))!);
		expect(stored.v).toBe(1);
		expect(Object.keys(stored.lessons)).toContain(lesson.replace(/\/$/, ''));
		expect(problems.consoleErrors).toEqual([]);
	});

	it('does not move the course overview or the lesson when saved progress is shown', async () => {
		context = await newContext(browser, { width: 375, theme: 'light' });
		await recordLayoutShifts(context);
		const page = await context.newPage();
		await page.goto(siteUrl + lesson);
		await answer(page.locator('knowledge-check').first(), true);
		await page.getByRole('button', { name: 'Mark lesson complete' }).click();
		for (const path of ['', lesson]) {
			await page.goto(siteUrl + path);
			await page.waitForLoadState('networkidle');
			await page.waitForTimeout(500);
			expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts), `/${path}`).toBe(0);
		}
	});

	it('without JavaScript, shows no progress controls and the pages read as before', async () => {
		context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		await page.goto(siteUrl + lesson);
		expect(await page.getByRole('button', { name: 'Mark lesson complete' }).isVisible()).toBe(false);
		expect(await page.locator('knowledge-check legend').first().isVisible()).toBe(true);
		await page.goto(siteUrl);
		expect(await page.locator('.course-progress').isVisible()).toBe(false);
		expect(await page.locator('.lesson-card__status').first().isVisible()).toBe(false);
		expect(await page.locator('.lesson-card__title a').first().isVisible()).toBe(true);
		expect(await page.locator('.hero .sl-link-button').textContent()).toMatch(/Start the course/);
	});

	it("search finds a knowledge check's question, and never shows its answer key", async () => {
		const { page } = await open();
		await page.goto(siteUrl + lesson);
		const question = (await page.locator('knowledge-check legend').first().textContent())!.trim();
		const rightOption = (await page.locator('knowledge-check').first().locator('.kc-key > li[data-correct="true"] strong').first().textContent())!.trim();
		await page.goto(siteUrl);
		const search = async (terms: string) => {
			await page.getByRole('button', { name: 'Search' }).click();
			const input = page.locator('site-search dialog').getByRole('textbox', { name: 'Search' });
			await input.fill(terms);
			await page.locator('.pagefind-ui__result-excerpt').first().waitFor();
			const excerpts = await page.locator('.pagefind-ui__result-excerpt').allTextContents();
			await page.keyboard.press('Escape');
			return excerpts.join(' ');
		};
		expect(await search(question.split(' ').slice(0, 6).join(' '))).toContain(question.split(' ').slice(2, 5).join(' '));
		expect(await search(rightOption)).not.toMatch(/\b(Not right|Right):/);
	});
});

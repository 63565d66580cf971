import { describe, expect, it } from 'vitest';
import { storageKey } from '../../src/progress/progress-store.ts';
import { browserSkipReason, noBrowser, siteUrl, useFreshContexts } from '../support/browser.ts';
import { answer, progressLesson as lesson, recordLayoutShifts, saved } from '../support/progress-helpers.ts';

describe.skipIf(noBrowser)(`learners' progress, whatever the browser holds${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	const { page: open, context: openContext } = useFreshContexts();

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

	it('keeps the section reached just before the learner leaves, within the second it waits to save', async () => {
		const { page } = await open();
		await page.goto(siteUrl + lesson);
		const heading = page.locator('.sl-markdown-content :is(h2, h3)').nth(3);
		const id = (await heading.getAttribute('id'))!;
		await heading.evaluate((element) => element.scrollIntoView({ block: 'start' }));
		// The table of contents marks the section; the learner leaves at once.
		await page.locator(`starlight-toc a[href="#${id}"][aria-current="true"]`).waitFor();
		await page.goto(siteUrl);
		expect(JSON.parse((await saved(page))!).last.heading).toBe(id);
		expect(await page.locator('.course-progress__last a').getAttribute('href')).toMatch(new RegExp(`#${id}$`));
	});

	it('shows a change made in another tab', async () => {
		const { page: overview, context } = await open();
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
		const context = await openContext({ width: 375 });
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
		const { page } = await open({ javaScriptEnabled: false });
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

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, noBrowser, screenshotsDir, siteUrl, themes, useFreshContexts, widths } from '../support/browser.ts';
import { storageKey } from '../../src/progress/progress-store.ts';
import { readBuiltPage } from '../support/built-page.ts';
import { axeViolations } from '../support/axe.ts';
import { answer, lessonRegions, overviewRegions, progressLesson as lesson, saved } from '../support/progress-helpers.ts';

describe.skipIf(noBrowser)(`learners' progress${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	const { page: open } = useFreshContexts();

	// The whole flow in the two most different views: a laptop in light mode, a phone (the sidebar in
	// its menu) in dark mode. Every state is audited and pictured in all four views below.
	for (const [theme, width] of [['light', 1280], ['dark', 375]] as const) {
		it(`answers, completion, resume and reset survive reloads and show everywhere (${theme}, ${width}px)`, async () => {
			const { page, problems } = await open({ theme, width });
			await page.goto(siteUrl + lesson);
			const checks = page.locator('knowledge-check');
			const first = checks.first();

			// A wrong answer, then a right one on the next check: both kept across a reload.
			await answer(first, false);
			await answer(checks.nth(1), true);
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
			const sidebarLink = page.locator(`nav.sidebar a[href$="/${lesson}"]`);
			expect(await sidebarLink.getAttribute('data-complete')).toBe('');
			expect(await sidebarLink.textContent()).toMatch(/\(complete\)$/);

			// The course overview: the lesson complete, the count, and the way back to the section last in
			// view (near the end now, where the button is; saved as the lesson was left).
			await page.goto(siteUrl);
			const last = JSON.parse((await saved(page))!).last;
			expect(last.lesson).toBe(lesson.replace(/\/$/, ''));
			const lastId: string = last.heading;
			expect(lastId).not.toBe(headingId);
			const card = page.locator(`.lesson-card[data-lesson="${lesson.replace(/\/$/, '')}"]`);
			await expect.poll(() => card.locator('.lesson-card__status').textContent()).toBe('Complete');
			const lessonCount = await page.locator('.lesson-card').count();
			expect(await page.locator('.course-progress__summary').textContent()).toBe(`1 of ${lessonCount} lessons complete.`);
			const resume = page.locator('.course-progress__last a');
			expect(await resume.getAttribute('href')).toMatch(new RegExp(`/${lesson}#${lastId}$`));
			expect(await page.locator('.hero .sl-link-button').textContent()).toMatch(/Resume the course/);
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
			expect(await axeViolations(page, 'course-overview'), 'reset question').toEqual([]);
			await page.getByRole('group').getByRole('button', { name: 'Reset progress' }).click();
			expect(JSON.parse((await saved(page))!)).toEqual({ v: 1, lessons: {} });
			await expect.poll(() => card.locator('.lesson-card__status').textContent()).toBe('Not started');
			expect(await page.locator('.course-progress__summary').textContent()).toBe(`0 of ${lessonCount} lessons complete.`);
			expect(await page.locator('.hero .sl-link-button').textContent()).toMatch(/Start the course/);
			expect(await page.getByRole('button', { name: 'Reset progress' }).evaluate((button) => button === document.activeElement)).toBe(true);

			expect(problems.consoleErrors).toEqual([]);
			expect(problems.failedRequests).toEqual([]);
		});
	}

	/**
	 * Each state a learner's progress puts a page in, seeded in storage as the lesson's own script
	 * would have saved it: a wrong answer, a right answer, the lesson marked complete, a section read.
	 * axe on the parts that show progress, and a screenshot, in each theme and width.
	 */
	for (const theme of themes) {
		for (const width of widths) {
			it(`shows every state without an accessibility fault (${theme}, ${width}px)`, async () => {
				const { page } = await open({ width, theme, init: `localStorage.setItem(${JSON.stringify(storageKey)}, ${JSON.stringify(seededProgress())});` });
				await page.goto(siteUrl + lesson);
				const checks = page.locator('knowledge-check');
				await checks.nth(1).scrollIntoViewIfNeeded();
				await expect.poll(() => checks.nth(0).getByRole('status').textContent()).toMatch(/^Not quite/);
				await expect.poll(() => checks.nth(1).getByRole('status').textContent()).toMatch(/^Right\./);
				await expect.poll(() => page.locator('lesson-progress [role="status"]').textContent()).toMatch(/You marked this lesson complete/);
				expect(await axeViolations(page, ...lessonRegions), 'answered wrong and right, complete').toEqual([]);
				if (width < 800) await page.getByRole('button', { name: 'Menu' }).click();
				await page.locator(`nav.sidebar a[href$="/${lesson}"]`).scrollIntoViewIfNeeded();
				await page.screenshot({ path: join(screenshotsDir, `progress-lesson-${theme}-${width}.png`) });
				await page.goto(siteUrl);
				await expect.poll(() => page.locator('.course-progress__summary').textContent()).toMatch(/^1 of/);
				expect(await axeViolations(page, ...overviewRegions), 'course overview with progress').toEqual([]);
				await page.screenshot({ path: join(screenshotsDir, `progress-overview-${theme}-${width}.png`), fullPage: true });
			});
		}
	}
});

/** Progress as the lesson's scripts save it, for the first lesson's first two checks and a heading. */
function seededProgress(): string {
	const page = readBuiltPage(lesson);
	const checks = page.selectAll('knowledge-check');
	const rightOf = (check: (typeof checks)[number]) => page.selectAll('.kc-key > li', check).map((li) => li.properties.dataCorrect === 'true');
	const [first, second] = checks.map((check) => ({ key: String(check.properties.dataKey), right: rightOf(check) }));
	const heading = String(page.selectAll('.sl-markdown-content :is(h2, h3, h4)')[3]!.properties.id);
	return JSON.stringify({
		v: 1,
		lessons: {
			[lesson.replace(/\/$/, '')]: {
				answers: {
					[first!.key]: { choices: [first!.right.indexOf(false)], right: false },
					[second!.key]: { choices: second!.right.flatMap((is, index) => (is ? [index] : [])), right: true },
				},
				marked: true,
				complete: true,
				seen: true,
			},
		},
		last: { lesson: lesson.replace(/\/$/, ''), heading, text: heading },
	});
}

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { storageKey } from '../../src/progress/progress-store.ts';
import type { SavedCard } from '../../src/progress/review-cards.ts';
import { axeViolations } from '../support/axe.ts';
import { browserSkipReason, noBrowser, siteUrl, themes, useFreshContexts } from '../support/browser.ts';
import { answer, progressLesson as lesson } from '../support/progress-helpers.ts';

const reviewUrl = `${siteUrl}review/`;
const day = 24 * 60 * 60 * 1000;
/** A Monday at nine in the browser's time zone (Node's and Chromium's are the same): far from midnight. */
const monday = new Date(2026, 2, 2, 9).getTime();

/** Every review card saved, by the check's key. */
async function cards(page: Page): Promise<Record<string, SavedCard>> {
	const progress = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{"lessons":{}}'), storageKey);
	return Object.assign({}, ...Object.values(progress.lessons as Record<string, { cards?: object }>).map((each) => each.cards ?? {}));
}

/** What the course overview says is due, once its script has run. */
async function dueOnOverview(page: Page): Promise<string> {
	await page.goto(siteUrl);
	const line = page.locator('.course-progress__review');
	await expect.poll(() => line.textContent()).not.toBe('');
	return (await line.textContent())!.trim();
}

/** Answers the Review page's current question and goes on; returns what the page says next. */
async function reviewOne(page: Page, right: boolean) {
	const check = page.locator('review-session knowledge-check');
	await answer(check, right);
	const next = page.locator('review-session [data-part="next"]');
	await expect.poll(() => next.isVisible()).toBe(true);
	expect(await check.getByRole('button', { name: 'Try again' }).isVisible()).toBe(false);
	await next.click();
}

describe.skipIf(noBrowser)(`review over days${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	const { page: open } = useFreshContexts();

	it('brings a wrong answer back the same day, a right one days later, and pushes right answers further out', async () => {
		const { page, problems } = await open();
		await page.clock.install({ time: monday });
		await page.goto(siteUrl + lesson);
		const checks = page.locator('knowledge-check');
		const [wrongKey, rightKey] = await checks.evaluateAll((all) => all.slice(0, 2).map((each) => (each as HTMLElement).dataset.key!));
		await answer(checks.nth(0), false);
		await answer(checks.nth(1), true);
		await expect.poll(async () => Object.keys(await cards(page)).sort()).toEqual([wrongKey, rightKey].sort());

		// The same day: only the wrong one is due, on the overview and on the Review page.
		expect(await dueOnOverview(page)).toBe('1 question to review');
		await page.locator('.course-progress__review a').click();
		await page.waitForURL(reviewUrl);
		await expect.poll(() => page.locator('review-session [data-part="heading"]').textContent()).toBe('Question 1 of 1');
		expect(await page.locator('review-session knowledge-check').getAttribute('data-key')).toBe(wrongKey);
		await reviewOne(page, true);
		const status = page.locator('review-session [data-part="status"]');
		await expect.poll(() => status.textContent()).toMatch(/^That was the last question for today\. Your next review is tomorrow, /);

		// Each right answer pushes the card further out; the page says when to come back.
		let interval = (await cards(page))[rightKey!]!.due - monday;
		expect(interval).toBeGreaterThanOrEqual(day);
		expect(interval).toBeLessThanOrEqual(7 * day);
		for (let round = 0; round < 3; round++) {
			const due = (await cards(page))[rightKey!]!.due;
			await page.clock.setSystemTime(due + 60_000);
			expect(await dueOnOverview(page)).toMatch(/^\d+ questions? to review$/);
			await page.goto(reviewUrl);
			// Answer right whatever comes up (the other card may be due too), until nothing is left today.
			while (await page.locator('review-session [data-part="question"]').isVisible()) {
				await page.locator('review-session knowledge-check .kc-actions').waitFor();
				await reviewOne(page, true);
			}
			await expect.poll(() => status.textContent()).toMatch(/Your next review is/);
			const next = (await cards(page))[rightKey!]!.due - (due + 60_000);
			expect(next).toBeGreaterThan(interval);
			interval = next;
		}
		expect(await dueOnOverview(page)).toBe('Nothing to review today.');
		expect(problems.consoleErrors).toEqual([]);
	});

	it('in a lesson, a right answer after "Try again" leaves a wrong one due the same day', async () => {
		const { page } = await open();
		await page.clock.install({ time: monday });
		await page.goto(siteUrl + lesson);
		const check = page.locator('knowledge-check').first();
		await answer(check, false);
		await page.clock.setSystemTime(monday + 10 * 60_000);
		await check.getByRole('button', { name: 'Try again' }).click();
		await answer(check, true);
		const key = (await check.getAttribute('data-key'))!;
		await expect.poll(async () => (await cards(page))[key]?.reps).toBe(1);
		expect(await dueOnOverview(page)).toBe('1 question to review');
		// A right answer, then another after "Try again", schedules it once: not due for days.
		await page.goto(siteUrl + lesson);
		const second = page.locator('knowledge-check').nth(1);
		await answer(second, true);
		await second.getByRole('button', { name: 'Try again' }).click();
		await answer(second, true);
		const secondKey = (await second.getAttribute('data-key'))!;
		await expect.poll(async () => (await cards(page))[secondKey]?.reps).toBe(1);
	});

	it('drops saved cards it cannot trust, and asks a changed question anew', async () => {
		const { page, problems } = await open();
		await page.clock.install({ time: monday });
		await page.goto(siteUrl + lesson);
		const keys = await page.locator('knowledge-check').evaluateAll((all) => all.map((each) => (each as HTMLElement).dataset.key!));
		const id = lesson.replace(/\/$/, '');
		const good = { index: 0, due: monday + 3 * day, stability: 3, difficulty: 5, scheduled_days: 3, learning_steps: 0, reps: 1, lapses: 0, state: 2, last_review: monday };
		const seeded = {
			v: 1,
			lessons: {
				[id]: {
					answers: {},
					cards: {
						[keys[0]!]: good,
						// A question edited since: its place now holds another, which is asked as new.
						'edited-question': { ...good, index: 1, due: monday + 9 * day },
						[keys[2]!]: { ...good, index: 2, stability: 0 },
						[keys[3] ?? 'x']: { ...good, index: 3, due: 'tomorrow' },
						[keys[4] ?? 'y']: { ...good, index: 4, state: 7 },
					},
				},
			},
		};
		await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [storageKey, JSON.stringify(seeded)]);
		await page.goto(reviewUrl);
		await expect.poll(() => page.locator('review-session [data-part="heading"]').textContent()).toBe('Question 1 of 1');
		expect(await page.locator('review-session knowledge-check').getAttribute('data-key')).toBe(keys[1]);
		await reviewOne(page, false);
		// Answered wrong: it comes back once more the same day.
		await expect.poll(() => page.locator('review-session [data-part="status"]').textContent()).toMatch(/answered wrong comes back once more today/);
		expect(problems.consoleErrors).toEqual([]);
	});

	for (const theme of themes) {
		it(`is usable by keyboard and passes axe (${theme})`, async () => {
			const { page, problems } = await open({ theme });
			await page.goto(reviewUrl);
			const status = page.locator('review-session [data-part="status"]');
			await expect.poll(() => status.textContent()).toMatch(/^No questions to review yet/);
			expect(await axeViolations(page, 'review-session'), 'nothing to review').toEqual([]);

			await page.goto(siteUrl + lesson);
			await answer(page.locator('knowledge-check').first(), false);
			// The card is saved once the scheduler has loaded.
			await expect.poll(async () => Object.keys(await cards(page)).length).toBe(1);
			await page.goto(reviewUrl);
			const check = page.locator('review-session knowledge-check');
			await check.locator('.kc-actions').waitFor();
			expect(await axeViolations(page, 'review-session'), 'a question').toEqual([]);
			// Keyboard only: into the options, choose, check, then on.
			await check.locator('.kc-option input').first().focus();
			await page.keyboard.press('Space');
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check');
			await page.keyboard.press('Enter');
			const next = page.locator('review-session [data-part="next"]');
			await expect.poll(() => next.evaluate((button) => button === document.activeElement)).toBe(true);
			expect(await axeViolations(page, 'review-session'), 'an answer').toEqual([]);
			await page.keyboard.press('Enter');
			await expect.poll(() => status.textContent()).not.toBe('');
			expect(problems.consoleErrors).toEqual([]);
		});
	}

	it('says what it needs when JavaScript is off', async () => {
		const { page } = await open({ javaScriptEnabled: false });
		await page.goto(reviewUrl);
		expect(await page.locator('.review-session__needs').isVisible()).toBe(true);
		expect(await page.locator('.review-session__needs').textContent()).toMatch(/Review needs JavaScript/);
		expect(await page.getByRole('button').filter({ visible: true }).count()).toBeLessThanOrEqual(3);
	});

	it('says what it cannot do offline, and still asks what it can', async () => {
		const { page, context, problems } = await open();
		await page.goto(siteUrl + lesson);
		await answer(page.locator('knowledge-check').first(), false);
		await expect.poll(async () => Object.keys(await cards(page)).length).toBe(1);
		// Offline now: the lesson page and the scheduler are not in the cache yet.
		await context.route(/\/lessons\/|schedule/, (route) => route.abort('internetdisconnected'));
		await page.goto(reviewUrl);
		await expect.poll(() => page.locator('review-session [data-part="problem"]').textContent()).toMatch(/could not be loaded \(are you offline\?\)/);
		expect(await page.locator('review-session [data-part="source"]').getAttribute('href')).toMatch(new RegExp(`/${lesson}$`));

		// The lesson reachable again, the scheduler still not: the question is asked, the answer said not kept.
		await context.unrouteAll();
		await context.route(/schedule\.[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
		await page.reload();
		const before = await cards(page);
		await answer(page.locator('review-session knowledge-check'), true);
		await expect.poll(() => page.locator('review-session [data-part="problem"]').textContent()).toMatch(/could not be scheduled \(are you offline\?\): this question stays due/);
		expect(await cards(page)).toEqual(before);
		expect(await page.locator('review-session [data-part="next"]').isVisible()).toBe(true);
		problems.consoleErrors.length = 0;
	});
});

import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { storageKey } from '../../src/progress/progress-store.ts';
import { builtSiteDir } from './paths.ts';
import { lessonRoutes } from './site-pages.ts';

/** A lesson with knowledge checks: the first the build published (its checks are read from the page, never named). */
export const progressLesson = lessonRoutes(builtSiteDir)[0]!;

/** Answers a check right or wrong, reading the right options from its answer key, and checks it. */
export async function answer(check: Locator, right: boolean) {
	await check.scrollIntoViewIfNeeded();
	await expect.poll(() => check.locator('.kc-actions').isVisible()).toBe(true);
	const correct = await check.locator('.kc-key > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-correct') === 'true'));
	const inputs = check.locator('.kc-option input');
	const pick = right ? correct.flatMap((is, index) => (is ? [index] : [])) : [correct.indexOf(false)];
	for (const index of pick) await inputs.nth(index).check();
	await check.getByRole('button', { name: 'Check' }).click();
	await expect.poll(() => check.getByRole('status').textContent()).toMatch(right ? /^Right\./ : /^Not quite/);
}

/** What the learner's browser has saved, as stored. */
export const saved = (page: Page) => page.evaluate((key) => localStorage.getItem(key), storageKey);

/** The parts of a lesson, and of the course overview, that show progress. */
export const lessonRegions = ['knowledge-check', 'lesson-progress', 'nav.sidebar'];
export const overviewRegions = ['course-overview', '.hero'];

/** Records the layout shifts of every page the context opens (CLS), from the first paint. */
export async function recordLayoutShifts(context: BrowserContext) {
	await context.addInitScript(() => {
		(window as unknown as { shifts: number }).shifts = 0;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
				if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
}

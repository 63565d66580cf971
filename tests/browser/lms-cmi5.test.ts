import { describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { browserSkipReason, noBrowser, useFreshContexts } from '../support/browser.ts';
import { answer } from '../support/progress-helpers.ts';
import { useLmsServer } from '../support/lms-server.ts';

describe.skipIf(noBrowser)(`cmi5 package with an LRS${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	const { page: open } = useFreshContexts();
	const lms = useLmsServer();

	async function openLesson(page: Page): Promise<FrameLocator> {
		const frame = page.frameLocator('#lms-module');
		await frame.locator('.lesson-card__title a').first().click();
		await expect.poll(() => frame.locator('knowledge-check').count()).toBeGreaterThan(0);
		return frame;
	}

	const verbs = (from = 0) => lms.lrs.slice(from).flatMap((record) => (record.kind === 'statement' ? [record.verb] : record.kind === 'state' ? ['state'] : []));

	/**
	 * The learner leaves: the page goes, and terminated must still reach the LRS, after every other
	 * statement (a state save sent as the page went may land after it).
	 */
	async function leave(page: Page, from: number) {
		await page.goto('about:blank');
		await expect.poll(() => verbs(from).filter((verb) => verb !== 'state').at(-1)).toBe('terminated');
	}

	it('keeps progress in the State API: a relaunch with a new fetch URL opens a new session and gets the answers back', async () => {
		const from = lms.lrs.length;
		const { page, problems } = await open();
		await page.goto(lms.cmi5Launch('reg-partial'));
		const frame = await openLesson(page);
		await answer(frame.locator('knowledge-check').first(), true);
		// The LRS answers 404 for state not saved yet: the browser logs that, nothing else may go wrong.
		expect(problems.consoleErrors.filter((error) => !error.includes(`${lms.url}/lrs/`))).toEqual([]);
		await leave(page, from);
		expect(verbs(from)[0]).toBe('initialized');
		expect(verbs(from)).not.toContain('completed');
		const terminated = lms.lrs.slice(from).find((record) => record.verb === 'terminated')!;
		expect(terminated.result?.duration).toMatch(/^PT/);

		// Relaunched in the same tab: the same registration, a new one-time fetch URL.
		const again = lms.lrs.length;
		await page.goto(lms.cmi5Launch('reg-partial'));
		const back = await openLesson(page);
		const first = back.locator('knowledge-check').first();
		await first.scrollIntoViewIfNeeded();
		await expect.poll(() => first.getByRole('status').textContent()).toMatch(/^Right\./);
		expect(lms.lrs.slice(again).filter((record) => record.kind === 'fetch')).toHaveLength(1);
		expect(verbs(again)[0]).toBe('initialized');
		expect(await page.getByRole('alert').isHidden()).toBe(true);
	});

	it('saves the state, then sends completed, passed and terminated in that order, and exits to the return address', async () => {
		const from = lms.lrs.length;
		const { page } = await open();
		await page.goto(lms.cmi5Launch('reg-complete', { masteryScore: 0.8 }));
		const frame = await openLesson(page);
		const checks = frame.locator('knowledge-check');
		const count = await checks.count();
		for (let index = 0; index < count; index++) await answer(checks.nth(index), true);
		await expect.poll(() => verbs(from)).toContain('passed');
		// Leaving by the launch page's exit: the session ends, then the LMS's return address opens.
		await page.getByRole('button', { name: 'Exit the module' }).click();
		await page.waitForURL(/\/lms\/return\.html$/);
		expect(verbs(from).filter((verb) => verb !== 'state').at(-1)).toBe('terminated');
		const sequence = verbs(from);
		const completed = sequence.indexOf('completed');
		expect(sequence.slice(0, completed)).toContain('state');
		expect(sequence.filter((verb) => verb !== 'state')).toEqual(['initialized', 'completed', 'passed', 'terminated']);
		const passed = lms.lrs.slice(from).find((record) => record.verb === 'passed')!;
		expect(passed.result?.score?.scaled).toBe(1);
		expect(lms.states.get('reg-complete')).toMatchObject({ completed: true, passed: true });
	});

	it('in Browse mode records nothing and leaves the open session of the same registration alone', async () => {
		const { context, page } = await open();
		await page.goto(lms.cmi5Launch('reg-browse'));
		await openLesson(page);
		await expect.poll(() => lms.states.has('reg-browse')).toBe(true);
		const from = lms.lrs.length;
		const browsing = await context.newPage();
		const browseLaunch = lms.cmi5Launch('reg-browse', { launchMode: 'Browse' });
		await browsing.goto(browseLaunch);
		await answer((await openLesson(browsing)).locator('knowledge-check').first(), true);
		const fromBrowsing = lms.lrs.filter((record) => record.session === new URL(browseLaunch).searchParams.get('fetch'));
		expect(fromBrowsing.map((record) => record.verb ?? record.kind)).toEqual(['initialized']);
		expect(await page.locator('#lms-status').isHidden()).toBe(true);

		// A second Normal launch of the same registration takes over.
		const second = await context.newPage();
		await second.goto(lms.cmi5Launch('reg-browse'));
		await openLesson(second);
		await expect.poll(() => page.getByRole('status').textContent()).toMatch(/open in another window/);
		await expect.poll(() => verbs(from)).toContain('terminated');
	});

	it('when the LRS refuses to save, retries, then says so while the module keeps working', async () => {
		const { page } = await open();
		await page.goto(lms.cmi5Launch('reg-failing', { failWrites: true }));
		const frame = await openLesson(page);
		await answer(frame.locator('knowledge-check').first(), true);
		await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/could not be saved to the course platform/);
		await answer(frame.locator('knowledge-check').nth(1), true);
		expect(lms.states.has('reg-failing')).toBe(false);
	});
});

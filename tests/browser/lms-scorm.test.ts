import { describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { join } from 'node:path';
import { axeViolations } from '../support/axe.ts';
import { browserSkipReason, noBrowser, screenshotsDir, themes, useFreshContexts, type ViewOptions } from '../support/browser.ts';
import { answer } from '../support/progress-helpers.ts';
import { scormBase, useLmsServer } from '../support/lms-server.ts';

type Cmi = { core: { lesson_status: string; exit: string; lesson_location: string; session_time: string; score: { raw: string; min: string; max: string } }; suspend_data: string };

describe.skipIf(noBrowser)(`SCORM 1.2 package in an LMS${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	const { page: open } = useFreshContexts();
	const lms = useLmsServer();

	/** The module's pages, in the launch page's frame, in the LMS's frame. */
	const modulePages = (page: Page): FrameLocator => page.frameLocator('iframe').frameLocator('#lms-module');
	const launchPage = (page: Page): FrameLocator => page.frameLocator('iframe');

	async function launch(options: { learner?: string; saved?: unknown; query?: string; view?: ViewOptions } = {}) {
		const opened = await open(options.view);
		if (options.saved) await opened.context.addInitScript((saved) => ((window as unknown as { lmsSaved: unknown }).lmsSaved = saved), options.saved);
		await opened.page.goto(`${lms.url}/lms/scorm.html?learner=${options.learner ?? 'learner-1'}${options.query ?? ''}`);
		return opened;
	}

	/** Opens the first lesson from the overview, as a learner would. */
	async function openLesson(page: Page) {
		const frame = modulePages(page);
		await frame.locator('.lesson-card__title a').first().click();
		await expect.poll(() => frame.locator('knowledge-check').count()).toBeGreaterThan(0);
		return frame;
	}

	const cmi = (page: Page) => page.evaluate(() => (window as unknown as { lmsData(): Cmi }).lmsData());
	const calls = (page: Page) => page.evaluate(() => (window as unknown as { lmsCalls: string[][] }).lmsCalls);

	/** The LMS closes the module's frame, as when the learner leaves the activity. */
	async function close(page: Page) {
		await page.evaluate(() => (window as unknown as { closeContent(): void }).closeContent());
		await expect.poll(() => page.evaluate(() => (window as unknown as { lmsFinished: boolean }).lmsFinished)).toBe(true);
		return cmi(page);
	}

	it('a partial attempt is incomplete and suspended, and a relaunch elsewhere brings the answers back', async () => {
		const { page, problems } = await launch();
		const frame = await openLesson(page);
		await answer(frame.locator('knowledge-check').first(), true);
		await answer(frame.locator('knowledge-check').nth(1), false);
		const first = await close(page);
		expect(first.core.lesson_status).toBe('incomplete');
		expect(first.core.exit).toBe('suspend');
		expect(first.core.score).toMatchObject({ min: '0', max: '100' });
		expect(Number(first.core.score.raw)).toBeGreaterThan(0);
		expect(first.core.session_time).toMatch(/^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/);
		expect(first.suspend_data.length).toBeGreaterThan(0);
		expect((await calls(page)).filter(([name]) => name === 'LMSInitialize')).toHaveLength(1);
		expect(problems.failedRequests.filter((request) => !request.url.startsWith(lms.url))).toEqual([]);

		// Another computer: a fresh browser, with what the LMS kept.
		const again = await launch({ saved: { cmi: { core: { lesson_status: first.core.lesson_status, entry: 'resume', score: first.core.score }, suspend_data: first.suspend_data } } });
		const back = await openLesson(again.page);
		const checks = back.locator('knowledge-check');
		await checks.first().scrollIntoViewIfNeeded();
		await expect.poll(() => checks.first().getByRole('status').textContent()).toMatch(/^Right\./);
		await checks.nth(1).scrollIntoViewIfNeeded();
		await expect.poll(() => checks.nth(1).getByRole('status').textContent()).toMatch(/^Not quite/);
		expect(again.problems.consoleErrors).toEqual([]);
	});

	/** Answers every check of the first lesson, right or not as `right` says by position. */
	async function answerAll(frame: FrameLocator, right: (index: number) => boolean) {
		const checks = frame.locator('knowledge-check');
		const count = await checks.count();
		for (let index = 0; index < count; index++) await answer(checks.nth(index), right(index));
		return count;
	}

	it('reports passed with its score once every lesson is complete, and a "Try again" lowers neither', async () => {
		const { page } = await launch();
		const frame = await openLesson(page);
		await answerAll(frame, () => true);
		await expect.poll(async () => (await cmi(page)).core.lesson_status).toBe('passed');
		expect((await cmi(page)).core.score.raw).toBe('100');
		const first = frame.locator('knowledge-check').first();
		await first.getByRole('button', { name: 'Try again' }).click();
		await expect.poll(async () => (await cmi(page)).suspend_data).not.toBe('');
		const done = await close(page);
		expect(done.core).toMatchObject({ lesson_status: 'passed', exit: '', score: { raw: '100' } });

		// A later session keeps "passed" even when its suspend data is gone.
		const later = await launch({ saved: { cmi: { core: { lesson_status: 'passed', entry: 'resume', score: { raw: '100' } }, suspend_data: '' } } });
		await openLesson(later.page);
		const kept = await close(later.page);
		expect(kept.core).toMatchObject({ lesson_status: 'passed', score: { raw: '100' } });
	});

	it('compares the share right with the pass mark: a complete module under it has failed', async () => {
		// The LMS's mastery score (90) is above 4 of 5 right.
		const { page } = await launch({ query: '&mastery=90' });
		const frame = await openLesson(page);
		const count = await answerAll(frame, (index) => index > 0);
		await frame.getByRole('button', { name: 'Mark lesson complete' }).click();
		const done = await close(page);
		expect(done.core.lesson_status).toBe((count - 1) / count >= 0.9 ? 'passed' : 'failed');
		expect(done.core.score.raw).toBe(String(Math.round(((count - 1) / count) * 100)));
	});

	it('without an LMS works as a plain site and says that progress is not recorded', async () => {
		const { page, problems } = await open();
		await page.goto(`${lms.url}${scormBase}lms/launch.html`);
		await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/progress is not recorded/i);
		const frame = page.frameLocator('#lms-module');
		const requests: string[] = [];
		page.on('request', (request) => requests.push(request.url()));

		// Search works in the package, and a result (a folder's address) opens the lesson's file.
		const title = (await frame.locator('.lesson-card__title a').first().textContent())!.trim();
		// What only the website has is left out: review, progress files, the offline copy, the sentence
		// that progress stays in the browser.
		expect(await frame.locator('[data-lms-omit], .course-progress__review, .course-progress__file, .offline-copy').count()).toBe(0);
		expect((await page.request.get(`${lms.url}${scormBase}review/index.html`)).status()).toBe(404);
		await frame.getByRole('button', { name: /search/i }).first().click();
		await frame.locator('.pagefind-ui__search-input').fill(title.split(/\s+/)[0]!);
		await expect.poll(() => frame.locator('.pagefind-ui__result-link').count()).toBeGreaterThan(0);
		await frame.locator('.pagefind-ui__result-link').first().click();
		await expect.poll(() => page.frames().at(-1)!.url()).toMatch(/\/lessons\/[^/]+\/index\.html$/);
		await answer(frame.locator('knowledge-check').first(), true);
		expect(problems.consoleErrors).toEqual([]);
		expect(requests.filter((url) => !url.startsWith(`${lms.url}${scormBase}`) && !url.startsWith('data:'))).toEqual([]);
	});

	it('when the LMS refuses every save, retries, then says so while the module keeps working', async () => {
		const { page, problems } = await launch({ query: '&fail' });
		const frame = await openLesson(page);
		await answer(frame.locator('knowledge-check').first(), true);
		await expect.poll(() => launchPage(page).getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/could not be saved to the course platform/);
		expect((await calls(page)).filter(([name]) => name === 'LMSSetValue').length).toBeGreaterThan(3);
		await answer(frame.locator('knowledge-check').nth(1), true);
		expect(problems.consoleErrors).toEqual([]);
	});

	it('ignores suspend data that is damaged or from another course', async () => {
		for (const suspend_data of ['{"v":1,"lessons":', 'S1zzzz|AAAAAA|']) {
			const { page, problems } = await launch({ saved: { cmi: { core: { lesson_status: 'incomplete', entry: 'resume' }, suspend_data } } });
			const frame = await openLesson(page);
			const first = frame.locator('knowledge-check').first();
			await first.scrollIntoViewIfNeeded();
			await expect.poll(() => first.getByRole('button', { name: 'Check' }).isVisible()).toBe(true);
			expect(problems.consoleErrors).toEqual([]);
		}
	});

	it('keeps suspend data within 4,096 characters when it starts at its limit', async () => {
		const { page } = await launch();
		const frame = await openLesson(page);
		await answer(frame.locator('knowledge-check').first(), true);
		const start = await close(page);
		// The same data with a section name long enough to bring it to the limit exactly.
		const parts = start.suspend_data.split('|');
		const head = `${parts[0]}|${parts[1]}|${parts[1]!.slice(0, 3)}~`;
		const full = `${head}${'x'.repeat(4096 - head.length - 1)}~`;
		expect(full.length).toBe(4096);
		const again = await launch({ saved: { cmi: { core: { lesson_status: 'incomplete', entry: 'resume' }, suspend_data: full } } });
		const back = await openLesson(again.page);
		await answer(back.locator('knowledge-check').nth(1), true);
		const first = back.locator('knowledge-check').first();
		await expect.poll(() => first.getByRole('status').textContent()).toMatch(/^Right\./);
		const written = (await calls(again.page)).filter(([name, element]) => name === 'LMSSetValue' && element === 'cmi.suspend_data').map(([, , value]) => value!);
		expect(written.length).toBeGreaterThan(0);
		expect(Math.max(...written.map((value) => value.length))).toBeLessThanOrEqual(4096);
	});

	it('a second launch of the same learner takes over once it records; other learners and launches without an LMS leave it alone', async () => {
		const { context, page: first } = await launch({ learner: 'ada' });
		await openLesson(first);
		const finished = (page: Page) => page.evaluate(() => (window as unknown as { lmsFinished: boolean }).lmsFinished);

		// Another learner, and a launch with no LMS, in the same browser: the first session goes on.
		const other = await context.newPage();
		await other.goto(`${lms.url}/lms/scorm.html?learner=grace`);
		await openLesson(other);
		const plain = await context.newPage();
		await plain.goto(`${lms.url}${scormBase}lms/launch.html`);
		await expect.poll(() => plain.getByRole('status').first().textContent()).toMatch(/not recorded/);
		expect(await finished(first)).toBe(false);
		expect(await launchPage(first).locator('#lms-status').isHidden()).toBe(true);

		// The same learner again: the first window finishes its session and says where recording went.
		const second = await context.newPage();
		await second.goto(`${lms.url}/lms/scorm.html?learner=ada`);
		await openLesson(second);
		await expect.poll(() => finished(first)).toBe(true);
		await expect.poll(() => launchPage(first).getByRole('status').textContent()).toMatch(/open in another window/);
		expect(await finished(second)).toBe(false);
		expect(await finished(other)).toBe(false);
	});

	for (const theme of themes) {
		it(`package pages pass axe and fit a phone inside the LMS's frame (${theme}, 375px)`, async () => {
			// Each page alone, as axe sees a top-level page: the launch page (with its notice), the overview, a lesson.
			const { page } = await open({ theme, width: 375 });
			await page.goto(`${lms.url}${scormBase}lms/launch.html`);
			await expect.poll(() => page.locator('#lms-status').isVisible()).toBe(true);
			expect(await axeViolations(page)).toEqual([]);
			const lesson = await page.frameLocator('#lms-module').locator('.lesson-card__title a').first().getAttribute('href');
			for (const path of ['index.html', lesson!]) {
				await page.goto(`${lms.url}${scormBase}${path}`);
				expect(await axeViolations(page), path).toEqual([]);
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
			}

			// In the LMS, with a failing LMS's message showing.
			const inLms = await launch({ query: '&fail', view: { theme, width: 375 } });
			const frame = await openLesson(inLms.page);
			await answer(frame.locator('knowledge-check').first(), true);
			await expect.poll(() => launchPage(inLms.page).getByRole('alert').isVisible(), { timeout: 15_000 }).toBe(true);
			await frame.locator('h1').first().scrollIntoViewIfNeeded();
			await inLms.page.screenshot({ path: join(screenshotsDir, `lms-scorm-${theme}-375.png`) });
		});
	}
});

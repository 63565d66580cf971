import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { legacyStorageKey, storageKey } from '../../src/progress/progress-store.ts';
import { browserSkipReason, noBrowser, siteUrl, useFreshContexts } from '../support/browser.ts';
import { courseFixture } from '../support/course-fixture.ts';
import { answer, progressLesson as lesson, saved } from '../support/progress-helpers.ts';
import { builtSiteDir } from '../support/paths.ts';
import { startSharedOriginServer } from '../support/static-server.ts';

const lessonId = lesson.replace(/\/$/, '');
const fileStatus = (page: Page) => page.locator('.course-progress__file-status');

/** Loads a file on the course overview as a learner does: the button, then the file chooser. */
async function loadFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
	const chooser = page.waitForEvent('filechooser');
	await page.locator('label', { hasText: 'Load progress from a file' }).click();
	await (await chooser).setFiles(file);
	await expect.poll(() => fileStatus(page).textContent()).not.toBe('');
	return (await fileStatus(page).textContent())!;
}

const jsonFile = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

describe.skipIf(noBrowser)(`progress in a file${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	const { page: open } = useFreshContexts();

	it('saves progress and reviews to a file that restores them in another browser', async () => {
		const { page } = await open();
		await page.goto(siteUrl + lesson);
		const checks = page.locator('knowledge-check');
		await answer(checks.nth(0), false);
		await answer(checks.nth(1), true);
		await page.getByRole('button', { name: 'Mark lesson complete' }).click();
		await page.goto(siteUrl);
		await expect.poll(() => page.locator('.course-progress__review a').textContent()).toBe('1 question to review');
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Save progress to a file' }).click();
		const file = await download;
		expect(file.suggestedFilename()).toMatch(/^mlops-course-progress-\d{4}-\d\d-\d\d\.json$/);
		// The browser runs apart from the tests: its download is copied here to be read.
		const copy = join(mkdtempSync(join(tmpdir(), 'progress-file-')), file.suggestedFilename());
		await file.saveAs(copy);
		const text = readFileSync(copy, 'utf8');
		rmSync(dirname(copy), { recursive: true });
		await expect.poll(() => fileStatus(page).textContent()).toMatch(/saved in the file mlops-course-progress-/);
		const data = JSON.parse(text);
		expect(data).toMatchObject({ format: 'course-progress', course: 'mlops-course', v: 1 });
		expect(Object.keys(data.lessons[lessonId].cards)).toHaveLength(2);

		const { page: other } = await open({ theme: 'dark' });
		await other.goto(siteUrl);
		expect(await loadFile(other, jsonFile(file.suggestedFilename(), text))).toBe(`Progress loaded from ${file.suggestedFilename()}.`);
		await expect.poll(() => other.locator(`.lesson-card[data-lesson="${lessonId}"] .lesson-card__status`).textContent()).toBe('Complete');
		expect(await other.locator('.course-progress__review a').textContent()).toBe('1 question to review');
		expect(JSON.parse((await saved(other))!)).toEqual(JSON.parse((await saved(page))!));
		await other.goto(siteUrl + lesson);
		const restored = other.locator('knowledge-check').nth(1);
		await restored.scrollIntoViewIfNeeded();
		await expect.poll(() => restored.getByRole('status').textContent()).toMatch(/^Right\./);
	});

	it('refuses a file that is malformed, of another course, of a newer version or unreadable, and keeps the progress', async () => {
		// A file the browser cannot read (moved or deleted after it was chosen) makes file.text() fail.
		const { page, problems } = await open({
			init: `const text = File.prototype.text; File.prototype.text = function () { return this.name.startsWith('unreadable') ? Promise.reject(new DOMException('gone', 'NotFoundError')) : text.call(this); };`,
		});
		await page.goto(siteUrl + lesson);
		await answer(page.locator('knowledge-check').first(), true);
		await page.goto(siteUrl);
		const before = await saved(page);
		const good = { format: 'course-progress', course: 'mlops-course', saved: '2026-12-06T12:00:00.000Z', v: 1, lessons: {} };
		const cases: [string, string, RegExp][] = [
			['broken.json', '{"format": "course-progress", "lessons": {', /not a progress file/],
			['photo.json', JSON.stringify({ width: 3 }), /not a progress file/],
			['other.json', JSON.stringify({ ...good, course: 'data-engineering' }), /another course \(data-engineering\)/],
			['newer.json', JSON.stringify({ ...good, v: 2 }), /newer version/],
			['unreadable.json', JSON.stringify(good), /could not be read/],
		];
		for (const [name, text, reason] of cases) {
			await fileStatus(page).evaluate((element) => (element.textContent = ''));
			const message = await loadFile(page, jsonFile(name, text));
			expect(message, name).toMatch(reason);
			expect(message, name).toMatch(/Your progress is unchanged\.$/);
			expect(await saved(page), name).toBe(before);
		}
		expect(problems.consoleErrors).toEqual([]);
	});
});

describe.skipIf(noBrowser)(`two modules on one origin${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	const { page: open } = useFreshContexts();
	let server: Awaited<ReturnType<typeof startSharedOriginServer>>;
	// The site at the root and the fixture course under its base path: two modules of one host.
	beforeAll(async () => {
		server = await startSharedOriginServer([
			{ root: builtSiteDir, base: '/' },
			{ root: inject('courseFixtureDist'), base: courseFixture.base },
		]);
	});
	afterAll(() => server?.close());
	const first = () => `${server.origin}/`;
	const second = () => `${server.origin}${courseFixture.base}`;
	const summary = (page: Page) => page.locator('.course-progress__summary');

	it('keeps each module its own progress: answers, resume and reset', async () => {
		const { page } = await open();
		await page.goto(second() + lesson);
		await answer(page.locator('knowledge-check').first(), false);
		await page.getByRole('button', { name: 'Mark lesson complete' }).click();

		await page.goto(first());
		await expect.poll(() => summary(page).textContent()).toMatch(/^0 of \d+ lessons complete\.$/);
		expect(await page.locator('.course-progress__review a').isHidden()).toBe(true);
		expect(await page.locator('.course-progress__last a').isHidden()).toBe(true);
		await page.getByRole('button', { name: 'Reset progress' }).click();
		await page.getByRole('group').getByRole('button', { name: 'Reset progress' }).click();

		await page.goto(second());
		await expect.poll(() => summary(page).textContent()).toMatch(/^1 of \d+ lessons complete\.$/);
		expect(await page.locator('.course-progress__review a').textContent()).toBe('1 question to review');
		expect(await page.locator('.course-progress__last a').getAttribute('href')).toContain(courseFixture.base);
	});

	it('moves progress saved under the old key into each module, and a reset does not bring it back', async () => {
		const old = JSON.stringify({ v: 1, lessons: { [lessonId]: { answers: {}, marked: true, complete: true, seen: true } } });
		const { page } = await open({ init: `if (!localStorage.getItem('seeded')) { localStorage.setItem(${JSON.stringify(legacyStorageKey)}, ${JSON.stringify(old)}); localStorage.setItem('seeded', '1'); }` });
		for (const module of [first(), second()]) {
			await page.goto(module);
			await expect.poll(() => summary(page).textContent(), { message: module }).toMatch(/^1 of \d+ lessons complete\.$/);
		}
		await page.goto(first());
		await page.getByRole('button', { name: 'Reset progress' }).click();
		await page.getByRole('group').getByRole('button', { name: 'Reset progress' }).click();
		await page.reload();
		await expect.poll(() => summary(page).textContent()).toMatch(/^0 of \d+ lessons complete\.$/);
		await page.goto(second());
		await expect.poll(() => summary(page).textContent()).toMatch(/^1 of \d+ lessons complete\.$/);
		const keys = () => page.evaluate((prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)).sort(), legacyStorageKey);
		// The second module has only read the old key so far; its first save (opening a lesson) moves it to its own.
		expect(await keys()).toEqual([legacyStorageKey, storageKey].sort());
		await page.goto(second() + lesson);
		await expect.poll(keys).toEqual([legacyStorageKey, storageKey, `${legacyStorageKey}:${courseFixture.base}`].sort());
		const moved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), `${legacyStorageKey}:${courseFixture.base}`);
		expect(moved.lessons[lessonId]).toMatchObject({ marked: true, complete: true });
	});
});

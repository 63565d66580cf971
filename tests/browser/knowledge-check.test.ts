import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { browserSkipReason, connectBrowser, noBrowser, siteUrl } from '../support/browser.ts';

const lessonPath = '/lessons/automate-deployment/';
/** The lazily loaded module (Vite names the chunk after its source file). */
const interactiveModule = /\/_astro\/knowledge-check-element\.[\w-]+\.js$/;

describe.skipIf(noBrowser)(`knowledge check in a browser${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await connectBrowser();
	});

	afterAll(async () => {
		await browser?.close();
	});

	/** Opens the lesson in a fresh context (closed with the browser), recording every request path. */
	async function openLesson(options: { javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark'; initScript?: string } = {}) {
		const { initScript, ...contextOptions } = options;
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
		if (initScript) await context.addInitScript(initScript);
		const page = await context.newPage();
		const requested: string[] = [];
		page.on('request', (request) => requested.push(new URL(request.url()).pathname));
		await page.goto(new URL(lessonPath.slice(1), siteUrl).href, { waitUntil: 'load' });
		return { page, requested };
	}

	/** The check with the given question, scrolled into view and upgraded by its script. */
	async function readyCheck(page: Page, question: RegExp): Promise<Locator> {
		const check = page.locator('knowledge-check', { has: page.locator('legend', { hasText: question }) });
		await check.scrollIntoViewIfNeeded();
		await page.locator('knowledge-check:defined').first().waitFor({ state: 'attached' });
		await expect.poll(() => check.locator('.kc-actions').isVisible()).toBe(true);
		return check;
	}

	const teams = /Which team is responsible for model deployment/;
	const features = /which features does MLOps have/;

	it('does not fetch its script until a check nears the viewport', async () => {
		const { page, requested } = await openLesson();
		await page.waitForTimeout(500);
		expect(requested.filter((path) => interactiveModule.test(path))).toEqual([]);
		expect(await page.locator('knowledge-check:defined').count()).toBe(0);

		const loaded = page.waitForRequest((request) => interactiveModule.test(new URL(request.url()).pathname));
		await page.locator('knowledge-check').first().scrollIntoViewIfNeeded();
		await loaded;
		await page.locator('knowledge-check:defined').first().waitFor({ state: 'attached' });
		expect(requested.filter((path) => interactiveModule.test(path))).toHaveLength(1);
	});

	it('also loads its script on the first touch, where the viewport never reports the check', async () => {
		// An observer that never fires leaves only the focusin/pointerdown path.
		const { page, requested } = await openLesson({
			initScript: 'window.IntersectionObserver = class { observe() {} disconnect() {} unobserve() {} takeRecords() { return []; } };',
		});
		const check = page.locator('knowledge-check').first();
		await check.scrollIntoViewIfNeeded();
		await page.waitForTimeout(500);
		expect(requested.filter((path) => interactiveModule.test(path))).toEqual([]);
		await check.getByLabel('ML engineers').click();
		await page.locator('knowledge-check:defined').first().waitFor({ state: 'attached' });
		expect(await check.getByLabel('ML engineers').isChecked()).toBe(true);
		await check.getByRole('button', { name: 'Check' }).click();
		await expect.poll(() => check.getByRole('status').textContent()).toMatch(/^Right\./);
	});

	it('confirms a right answer, says why, and announces it', async () => {
		const { page } = await openLesson();
		const check = await readyCheck(page, teams);
		await check.getByLabel('ML engineers').check();
		await check.getByRole('button', { name: 'Check' }).click();
		await expect.poll(() => check.getByRole('status').textContent()).toBe('Right. ML engineers. The explanations are below.');
		expect(await check.getByRole('status').getAttribute('aria-live')).toBe('polite');
		expect(await check.locator('.kc-option[data-state="right-chosen"] .kc-verdict').textContent()).toBe('Right answer');
		expect(await check.locator('details').evaluate((details: HTMLDetailsElement) => details.open)).toBe(true);
		expect(await check.locator('details').textContent()).toContain('ML Engineers are responsible for model deployment');
		expect(await check.getByRole('button', { name: 'Check' }).isVisible()).toBe(false);
	});

	it('marks a wrong answer and the right one, and "Try again" starts over', async () => {
		const { page } = await openLesson();
		const check = await readyCheck(page, teams);
		await check.getByLabel('Data engineers').check();
		await check.getByRole('button', { name: 'Check' }).click();
		await expect.poll(() => check.getByRole('status').textContent()).toBe('Not quite. The right answer: ML engineers. The explanations are below.');
		expect(await check.locator('.kc-option[data-state="wrong-chosen"] label').textContent()).toBe('Data engineers');
		expect(await check.locator('.kc-option[data-state="right-missed"] .kc-verdict').textContent()).toBe('Right answer, not chosen');

		await check.getByRole('button', { name: 'Try again' }).click();
		expect(await check.locator('input:checked').count()).toBe(0);
		expect(await check.locator('[data-state]').count()).toBe(0);
		expect(await check.getByRole('status').textContent()).toBe('');
		expect(await check.locator('details').evaluate((details: HTMLDetailsElement) => details.open)).toBe(false);
		expect(await check.getByLabel('Data engineers').evaluate((input) => input === document.activeElement)).toBe(true);
	});

	it('takes several answers where several are right', async () => {
		const { page } = await openLesson();
		const check = await readyCheck(page, features);
		expect(await check.locator('input[type="checkbox"]').count()).toBe(5);
		for (const label of ['Data provenance', 'Datasets']) await check.getByLabel(label).check();
		await check.getByRole('button', { name: 'Check' }).click();
		await expect.poll(() => check.getByRole('status').textContent()).toMatch(/^Not quite\. The right answers: Data provenance; Datasets; Model deployment with workflows\./);
		await check.getByRole('button', { name: 'Try again' }).click();
		for (const label of ['Data provenance', 'Datasets', 'Model deployment with workflows']) await check.getByLabel(label).check();
		await check.getByRole('button', { name: 'Check' }).click();
		await expect.poll(() => check.getByRole('status').textContent()).toMatch(/^Right\./);
	});

	it('can be answered with the keyboard alone', async () => {
		const { page, requested } = await openLesson();
		// Start from the last link before the knowledge check, as a keyboard user arrives there.
		await page.getByRole('link', { name: 'Create Amazon SageMaker projects using third-party source control and Jenkins' }).focus();
		const first = page.locator('knowledge-check').first();
		for (let presses = 0; presses < 5; presses++) {
			await page.keyboard.press('Tab');
			if (await first.locator('input').first().evaluate((input) => input === document.activeElement)) break;
		}
		expect(await first.locator('input').first().evaluate((input) => input === document.activeElement)).toBe(true);
		// Arrow keys move through a radio group and choose.
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		expect(await first.getByLabel('ML engineers').isChecked()).toBe(true);
		await expect.poll(() => first.locator('.kc-actions').isVisible()).toBe(true);
		expect(requested.some((path) => interactiveModule.test(path))).toBe(true);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check');
		await page.keyboard.press('Enter');
		await expect.poll(() => first.getByRole('status').textContent()).toMatch(/^Right\./);
		// Focus moves to the button that replaced Check, so it is not lost.
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Try again');
		await page.keyboard.press('Space');
		expect(await first.locator('input:checked').count()).toBe(0);
		expect(await first.getByLabel('Data engineers').evaluate((input) => input === document.activeElement)).toBe(true);
	});

	it('without JavaScript shows the question and reveals the answer in a details element', async () => {
		const { page, requested } = await openLesson({ javaScriptEnabled: false });
		const check = page.locator('knowledge-check').first();
		await check.scrollIntoViewIfNeeded();
		expect(await check.locator('legend').isVisible()).toBe(true);
		expect(await check.getByLabel('ML engineers').isVisible()).toBe(true);
		expect(await check.getByRole('button', { name: 'Check' }).isVisible()).toBe(false);
		const explanation = check.getByText('ML Engineers are responsible for model deployment');
		expect(await explanation.isVisible()).toBe(false);
		await check.getByText('Show the answer and explanations').click();
		expect(await explanation.isVisible()).toBe(true);
		expect(requested.some((path) => interactiveModule.test(path))).toBe(false);
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		it(`has no axe violations (WCAG 2.1 A and AA) in ${colorScheme} mode, before and after an answer`, async () => {
			const { page } = await openLesson({ colorScheme });
			const check = await readyCheck(page, teams);
			expect(await axeViolations(page, 'knowledge-check')).toEqual([]);
			await check.getByLabel('Data engineers').check();
			await check.getByRole('button', { name: 'Check' }).click();
			await expect.poll(() => check.getByRole('status').textContent()).toMatch(/^Not quite/);
			expect(await axeViolations(page, 'knowledge-check')).toEqual([]);
		});
	}
});

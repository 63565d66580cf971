import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { browserSkipReason, noBrowser, screenshotsDir, siteUrl, themes, useFreshContexts, type Theme } from '../support/browser.ts';
import { readBuiltPage } from '../support/built-page.ts';
import { scrollToEnd } from '../support/lesson-images.ts';
import { lessonRoutes } from '../support/site-pages.ts';
import { builtSiteDir } from '../support/paths.ts';


/** The first lesson with a zoomable image: the zoom is the same on every page. */
const route = lessonRoutes(builtSiteDir).find((r) => readBuiltPage(r).selectAll('button.zoomable').length > 0);

/**
 * Scale and offset of the zoomed image, read from the transform Panzoom applies. Panzoom writes the
 * transform in an animation frame, so the reading waits for the frame after any pending one.
 */
function zoomState(page: Page) {
	return page.locator('.zoom-view-stage > *').evaluate(async (element) => {
		await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
		const matrix = new DOMMatrix(getComputedStyle(element).transform);
		return { scale: Math.round(matrix.a * 100) / 100, x: Math.round(matrix.e), y: Math.round(matrix.f) };
	});
}

/** The sizes of the stage and of the image in it, to say why a pan did not move when one fails. */
function stageSizes(page: Page) {
	return page.locator('.zoom-view-stage').evaluate((stage) => {
		const image = stage.firstElementChild!.getBoundingClientRect();
		return `stage ${stage.clientWidth}x${stage.clientHeight}, image ${Math.round(image.width)}x${Math.round(image.height)}`;
	});
}

/** The first lesson with a zoomable image, as a phone (touch, pixel ratio 2) or a laptop shows it. */
async function openPage(view: ReturnType<typeof useFreshContexts>, options: { width: number; theme?: Theme }) {
	const { page, problems } = await view.page({ ...options, deviceScaleFactor: options.width < 800 ? 2 : 1 });
	await page.goto(siteUrl + route);
	const trigger = page.locator('button.zoomable').first();
	await expect.poll(() => trigger.isEnabled()).toBe(true);
	const alt = await trigger.locator('img').getAttribute('alt');
	return { page, trigger, alt: alt ?? '', errors: problems.consoleErrors };
}

async function expectOpen(page: Page, alt: string) {
	const dialog = page.getByRole('dialog', { name: alt, exact: true });
	await dialog.waitFor();
	await page.waitForFunction(() => {
		const image = document.querySelector<HTMLImageElement>('.zoom-view-stage img');
		return image?.complete && image.naturalWidth > 0;
	});
	return dialog;
}

async function expectClosedWithFocusOn(page: Page, trigger: Locator) {
	await expect.poll(() => page.locator('dialog.zoom-view[open]').count()).toBe(0);
	expect(await trigger.evaluate((button) => document.activeElement === button)).toBe(true);
}

describe.skipIf(noBrowser || !route)(`the image zoom${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	const view = useFreshContexts();

	it('loads nothing of the view until an image is opened, and names each button by its image', async () => {
		const { page, alt } = await openPage(view, { width: 1280 });
		const requested: string[] = [];
		page.on('request', (request) => requested.push(new URL(request.url()).pathname));
		await scrollToEnd(page);
		expect(requested.filter((path) => /zoom-view|panzoom/.test(path))).toEqual([]);
		expect(await page.getByRole('button', { name: alt, exact: true }).count()).toBe(1);
		await page.getByRole('button', { name: alt, exact: true }).click();
		await expectOpen(page, alt);
		expect(requested.some((path) => /zoom-view/.test(path))).toBe(true);
	});

	it('by mouse: click opens, the wheel and the buttons zoom, dragging pans, Close closes and returns focus', async () => {
		const { page, trigger, alt, errors } = await openPage(view, { width: 1280 });
		await trigger.click();
		await expectOpen(page, alt);
		expect(await zoomState(page)).toEqual({ scale: 1, x: 0, y: 0 });

		const stage = await page.locator('.zoom-view-stage').boundingBox();
		const centre = { x: stage!.x + stage!.width / 2, y: stage!.y + stage!.height / 2 };
		await page.mouse.move(centre.x, centre.y);
		await page.mouse.wheel(0, -400);
		await expect.poll(async () => (await zoomState(page)).scale).toBeGreaterThan(1);

		await page.getByRole('button', { name: 'Fit' }).click();
		expect((await zoomState(page)).scale).toBe(1);
		await page.getByRole('button', { name: 'Zoom in' }).click();
		await page.getByRole('button', { name: 'Zoom in' }).click();
		// Each step enlarges by half.
		expect((await zoomState(page)).scale).toBe(2.25);
		await page.getByRole('button', { name: 'Zoom out' }).click();
		expect((await zoomState(page)).scale).toBe(1.5);

		const before = await zoomState(page);
		await page.mouse.move(centre.x, centre.y);
		await page.mouse.down();
		await page.mouse.move(centre.x + 120, centre.y + 80, { steps: 5 });
		await page.mouse.up();
		const after = await zoomState(page);
		expect(after.x).toBeGreaterThan(before.x);
		expect(after.y).toBeGreaterThan(before.y);

		await page.getByRole('button', { name: 'Close' }).click();
		await expectClosedWithFocusOn(page, trigger);
		expect(errors).toEqual([]);
	});

	it('by keyboard: the image takes focus, Enter opens, + and - zoom, arrows pan, 0 fits, Escape closes and returns focus', async () => {
		const { page, trigger, alt, errors } = await openPage(view, { width: 1280 });
		// Tab reaches the image like any other control of the page.
		let presses = 0;
		while (!(await trigger.evaluate((button) => document.activeElement === button)) && presses < 300) {
			await page.keyboard.press('Tab');
			presses += 1;
		}
		expect(await trigger.evaluate((button) => document.activeElement === button)).toBe(true);
		expect(await trigger.evaluate((button) => button.matches(':focus-visible') && getComputedStyle(button).outlineStyle)).toBe('solid');
		await page.keyboard.press('Enter');
		await expectOpen(page, alt);

		await page.keyboard.press('+');
		await page.keyboard.press('=');
		expect((await zoomState(page)).scale).toBe(2.25);
		await page.keyboard.press('-');
		expect((await zoomState(page)).scale).toBe(1.5);
		const before = await zoomState(page);
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowDown');
		const after = await zoomState(page);
		// Showing more of the right and the bottom moves the image left and up.
		const sizes = await stageSizes(page);
		expect(after.x, sizes).toBeLessThan(before.x);
		expect(after.y, sizes).toBeLessThan(before.y);
		await page.keyboard.press('0');
		expect(await zoomState(page)).toEqual({ scale: 1, x: 0, y: 0 });

		await page.keyboard.press('Escape');
		await expectClosedWithFocusOn(page, trigger);
		expect(errors).toEqual([]);
	});

	it('by touch on a 375 px phone: a tap opens, two fingers pinch to zoom, one finger drags', async () => {
		const { page, trigger, alt, errors } = await openPage(view, { width: 375 });
		await trigger.tap();
		await expectOpen(page, alt);
		const session = await page.context().newCDPSession(page);
		const stage = (await page.locator('.zoom-view-stage').boundingBox())!;
		const cx = stage.x + stage.width / 2;
		const cy = stage.y + stage.height / 2;
		const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][]) =>
			session.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });

		await touch('touchStart', [[cx - 30, cy], [cx + 30, cy]]);
		for (let spread = 40; spread <= 120; spread += 10) await touch('touchMove', [[cx - spread, cy], [cx + spread, cy]]);
		await touch('touchEnd', []);
		const pinched = await zoomState(page);
		expect(pinched.scale).toBeGreaterThan(1.5);

		await touch('touchStart', [[cx, cy]]);
		for (let step = 1; step <= 6; step++) await touch('touchMove', [[cx - step * 15, cy - step * 10]]);
		await touch('touchEnd', []);
		const dragged = await zoomState(page);
		expect(dragged.scale).toBe(pinched.scale);
		expect(dragged.x).toBeLessThan(pinched.x);
		expect(dragged.y).toBeLessThan(pinched.y);

		// Chromium takes a tap that comes right after a quick drag as stopping the fling that drag
		// started, not as a tap; a learner's finger is never that quick.
		await page.waitForTimeout(600);
		await page.getByRole('button', { name: 'Close' }).tap();
		await expect.poll(() => page.locator('dialog.zoom-view[open]').count()).toBe(0);
		expect(errors).toEqual([]);
	});

	for (const theme of themes) {
		for (const width of [1280, 375]) {
			it(`has no WCAG 2.1 A/AA violation with the view open, ${theme}, ${width} px (screenshots of the image in the lesson and zoomed in)`, async () => {
				const { page, trigger, alt } = await openPage(view, { width, theme });
				await trigger.scrollIntoViewIfNeeded();
				await page.screenshot({ path: join(screenshotsDir, `zoom-${theme}-${width}-lesson.png`) });
				await trigger.click();
				await expectOpen(page, alt);
				expect(await axeViolations(page)).toEqual([]);
				expect(await page.getByRole('dialog', { name: alt, exact: true }).evaluate((d) => getComputedStyle(d).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
				await page.screenshot({ path: join(screenshotsDir, `zoom-${theme}-${width}-open.png`) });
				await page.keyboard.press('+');
				await page.keyboard.press('+');
				await page.keyboard.press('+');
				await page.screenshot({ path: join(screenshotsDir, `zoom-${theme}-${width}-zoomed.png`) });
					});
		}
	}
});

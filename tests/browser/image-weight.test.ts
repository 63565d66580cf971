import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, connectBrowser, noBrowser, siteUrl } from '../support/browser.ts';
import { readBuiltPage } from '../support/built-page.ts';
import { imageBudgets, loadLessonImages, totalBytes, type LoadedImage } from '../support/lesson-images.ts';
import { lessonRoutes } from '../support/site-pages.ts';
import { builtSiteDir } from '../support/paths.ts';

/** What each content image of a built lesson offers first: the SVG of a drawn diagram, or AVIF. */
function preferredTypes(route: string): string[] {
	const page = readBuiltPage(route);
	return page.selectAll('.sl-markdown-content img').map((img) => {
		const picture = page.select(`.sl-markdown-content picture:has(> img[src="${String(img.properties.src)}"])`);
		return String((picture && page.select('source', picture)?.properties.type) ?? 'none');
	});
}

function describeLoad(images: LoadedImage[]): string {
	return images.map((i) => `  ${String(i.bytes).padStart(6)} B  ${i.contentType.padEnd(14)} ${i.url}`).join('\n');
}

/**
 * Image bytes over the wire as Chromium records them (response body bytes, gzip where the server
 * compressed, headers not counted), with every image of the lesson loaded by scrolling to its end.
 */
describe.skipIf(noBrowser)(`lesson images in the browser${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await connectBrowser();
	});
	afterAll(() => browser?.close());

	// A lesson at a given screen is loaded once, for every test that reads it.
	const loads = new Map<string, Promise<LoadedImage[]>>();
	const loaded = (route: string, width: number, deviceScaleFactor: number) => {
		const key = `${route} ${width} ${deviceScaleFactor}`;
		if (!loads.has(key)) loads.set(key, loadLessonImages(browser, { siteUrl, route, width, deviceScaleFactor, shared: true }));
		return loads.get(key)!;
	};

	for (const route of lessonRoutes(builtSiteDir)) {
		for (const { width, deviceScaleFactor, maxBytes } of imageBudgets) {
			it(`${route} at ${width} px, pixel ratio ${deviceScaleFactor}: all images within ${maxBytes} bytes`, async () => {
				const images = await loaded(route, width, deviceScaleFactor);
				console.log(`Images of /${route} at ${width} px x${deviceScaleFactor}: ${totalBytes(images)} B\n${describeLoad(images)}`);
				expect(images.filter((i) => !(i.naturalWidth > 0 && i.bytes > 0)).map((i) => i.url)).toEqual([]);
				expect(totalBytes(images)).toBeLessThanOrEqual(maxBytes);
			});
		}

		it(`${route}: a browser takes each image's preferred format at every width and pixel ratio`, async () => {
			const expected = preferredTypes(route).map((type) => (type === 'none' ? expect.any(String) : type));
			for (const width of [375, 1280]) {
				for (const deviceScaleFactor of [1, 2]) {
					const images = await loaded(route, width, deviceScaleFactor);
					expect(images.map((i) => i.contentType.split(';')[0]), `${width} px x${deviceScaleFactor}`).toEqual(expected);
				}
			}
		});

		it(`${route}: a browser that knows only <img> gets each fallback PNG or JPEG, at twice the display width`, async () => {
			const page = readBuiltPage(route);
			const fallbacks = page.selectAll('.sl-markdown-content img').map((img) => new URL(String(img.properties.src), siteUrl).href);
			const images = await loadLessonImages(browser, { siteUrl, route, width: 375, deviceScaleFactor: 2, withoutSources: true });
			expect(images.map((i) => i.url)).toEqual(fallbacks);
			for (const image of images) expect(image.contentType).toMatch(/^image\/(png|jpeg)/);
			for (const image of images) expect(image.naturalWidth).toBeGreaterThan(375);
		});
	}
});

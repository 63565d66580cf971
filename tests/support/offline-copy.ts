import type { Page } from 'playwright-core';
import { cachePrefix } from '../../src/offline/names.ts';

/** Asks for the offline copy on the course overview and waits until it says it is ready; returns the milliseconds it took. */
export async function makeAvailableOffline(page: Page, overviewUrl: string): Promise<number> {
	await page.goto(overviewUrl);
	const started = Date.now();
	await page.getByRole('button', { name: 'Make the course available offline' }).click();
	await page.locator('.offline-copy[data-offline-state="ready"]').waitFor({ timeout: 60_000 });
	return Date.now() - started;
}

/** The URLs of every response the offline copy holds in this browser, by cache. */
export function offlineCacheContents(page: Page): Promise<Record<string, string[]>> {
	return page.evaluate(async (prefix) => {
		const contents: Record<string, string[]> = {};
		for (const name of await caches.keys()) {
			if (name.startsWith(prefix)) contents[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
		}
		return contents;
	}, cachePrefix);
}

/** Loads every image of the page's main content, lazy ones too, and lists those that did not load. */
export function brokenImages(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const images = [...document.querySelectorAll<HTMLImageElement>('main img')];
		for (const image of images) image.loading = 'eager';
		await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
		return images.filter((image) => !image.complete || image.naturalWidth === 0).map((image) => image.currentSrc || image.src);
	});
}

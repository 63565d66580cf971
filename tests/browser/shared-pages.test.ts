import { describe, expect, it } from 'vitest';
import { browserSkipReason, noBrowser, releaseSharedPage, sharedPage, siteUrl } from '../support/browser.ts';

/**
 * The worker's shared pages (tests/support/browser.ts) stand in for fresh contexts only if nothing
 * a test leaves in the browser reaches the next test: storage of every kind, caches, the theme.
 */
describe.skipIf(noBrowser)(`shared browser pages${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	it('come back with no storage, cache entry or service worker of the test before, in the theme asked for', async () => {
		const first = await sharedPage({ width: 1280, theme: 'dark' });
		await first.goto(siteUrl);
		expect(await first.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		await first.evaluate(async () => {
			localStorage.setItem('left-behind', '1');
			sessionStorage.setItem('left-behind', '1');
			await (await caches.open('left-behind')).put('/left-behind', new Response('1'));
			await new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('left-behind');
				request.onupgradeneeded = () => request.result.createObjectStore('store');
				request.onsuccess = () => {
					request.result.close();
					resolve();
				};
				request.onerror = () => reject(request.error);
			});
		});
		await releaseSharedPage(first, { width: 1280 });

		const second = await sharedPage({ width: 1280, theme: 'light' });
		// The same page, handed out again: what it held is gone.
		expect(second).toBe(first);
		await second.goto(siteUrl);
		await second.waitForLoadState('networkidle');
		const left = await second.evaluate(async () => ({
			local: localStorage.length,
			session: sessionStorage.length,
			caches: await caches.keys(),
			databases: (await indexedDB.databases()).map((database) => database.name),
			workers: (await navigator.serviceWorker.getRegistrations()).length,
			theme: document.documentElement.dataset.theme,
			// A file the browser took from its HTTP cache has a transfer size of 0.
			fromCache: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.transferSize === 0).map((entry) => entry.name),
		}));
		expect(left).toEqual({ local: 0, session: 0, caches: [], databases: [], workers: 0, theme: 'light', fromCache: [] });
		await releaseSharedPage(second, { width: 1280 });
	});
});

/**
 * `node tests/bench/offline-copy.ts [dir] [base]`: how large the offline copy of a build is, how many
 * files it holds and how long Chromium takes to make it available (a served build on 127.0.0.1, so
 * the time is the browser's and the worker's, not a network's). Figures for docs/performance.md.
 * Defaults: dist/ under /.
 */
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/chromium.ts';
import { makeAvailableOffline, offlineCacheContents } from '../support/offline-copy.ts';
import { startStaticServer } from '../support/static-server.ts';

const [dir = 'dist', base = '/'] = process.argv.slice(2);
const server = await startStaticServer(dir, base);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	const took = await makeAvailableOffline(page, server.url);
	const files = Object.values(await offlineCacheContents(page)).flat().length;
	const bytes = await page.evaluate(async () => {
		let total = 0;
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) total += (await (await cache.match(request))!.blob()).size;
		}
		return total;
	});
	const status = await page.locator('[data-offline-status]').textContent();
	console.log(`${dir} (base ${base}): ${files} files, ${bytes} bytes, ready in ${took} ms; the overview says: ${status}`);
} finally {
	await browser.close();
	await server.close();
}

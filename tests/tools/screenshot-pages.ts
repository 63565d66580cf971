import { readFile, stat, mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

/**
 * `npm run screenshots -- <out-dir> [route]`: serves the built site (dist/) on an ephemeral
 * local port and saves the page in light and dark mode, at 1280 px and 375 px, with each of its
 * content images on its own, so a change to a diagram can be looked at as learners see it.
 * Uses the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium); it downloads nothing.
 * Keep the output out of the repository.
 */
const [outArg, route = '/lessons/automate-deployment/'] = process.argv.slice(2);
if (!outArg) {
	console.error('Usage: npm run screenshots -- <out-dir> [route]   (run `npm run build` first)');
	process.exit(1);
}
const outDir = resolve(outArg);
const siteDir = resolve('dist');
const types: Record<string, string> = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.png': 'image/png', '.svg': 'image/svg+xml' };

const server = createServer(async (request, response) => {
	let path = join(siteDir, decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
	try {
		if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
		const body = await readFile(path);
		response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
	} catch {
		response.writeHead(404).end('not found');
	}
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const { port } = server.address() as AddressInfo;

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
	await mkdir(outDir, { recursive: true });
	for (const scheme of ['light', 'dark'] as const) {
		for (const width of [1280, 375]) {
			const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 2 });
			await page.addInitScript((theme) => localStorage.setItem('starlight-theme', theme), scheme);
			await page.goto(`http://127.0.0.1:${port}${route}`);
			const images = await page.$$('.sl-markdown-content img');
			for (const [i, image] of images.entries()) {
				// Lazy images load only once scrolled near.
				await image.scrollIntoViewIfNeeded();
				await page.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, image);
				await image.screenshot({ path: join(outDir, `${scheme}-${width}-image-${i + 1}.png`) });
			}
			await page.screenshot({ path: join(outDir, `${scheme}-${width}-page.png`), fullPage: true });
			console.log(`${scheme} ${width}px: page and ${images.length} images`);
			await page.close();
		}
	}
} finally {
	await browser.close();
	server.close();
}
console.log(`Screenshots in ${outDir}`);

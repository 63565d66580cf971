import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, connectBrowser, newContext, noBrowser, screenshotsDir } from '../support/browser.ts';
import { readBuiltPage } from '../support/built-page.ts';
import { buildFixtureSite } from '../support/fixture-site.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

const base = '/mlops-course/';

describe('a build under a base path', () => {
	// One build serves both the HTML checks and the browser checks below.
	// A lesson linking to another page's section lets the link validator prove itself under the base.
	let dist: string;
	let output: string;
	beforeAll(async () => {
		const result = await buildFixtureSite(
			'base-path',
			{ 'src/content/docs/lessons/links.mdx': '---\ntitle: Links\n---\n\nSee [SageMaker Projects](/lessons/automate-deployment/#sagemaker-projects).\n' },
			{ BASE_PATH: base, SITE: 'https://example.github.io' },
		);
		expect(result.code, result.output).toBe(0);
		dist = join(result.root, 'dist');
		output = result.output;
	});

	it('validates every internal link, each carrying the base', () => {
		expect(output).toContain('All internal links are valid.');
		const links = readBuiltPage('lessons/links', dist);
		expect(links.selectAll('main a[href="/mlops-course/lessons/automate-deployment/#sagemaker-projects"]')).toHaveLength(1);
	});

	it('leads the relative hero link of the landing page to the lesson', () => {
		const hero = readBuiltPage('', dist).select('.hero a[href]');
		const pathname = new URL(String(hero?.properties.href), `https://example.github.io${base}`).pathname;
		expect(pathname).toBe(`${base}lessons/automate-deployment/`);
		expect(existsSync(join(dist, pathname.slice(base.length), 'index.html'))).toBe(true);
	});

	it('prefixes every internal link and asset with the base path', () => {
		for (const route of ['', 'lessons/automate-deployment', '404.html']) {
			const page = readBuiltPage(route, dist);
			const urls = [
				...page.selectAll('a[href]').map((a) => String(a.properties.href)),
				...page.selectAll('link[href]').map((l) => String(l.properties.href)),
				...page.selectAll('img[src], script[src]').map((e) => String(e.properties.src)),
			];
			const rootRelative = urls.filter((url) => url.startsWith('/') && !url.startsWith('//'));
			expect(rootRelative.length, route).toBeGreaterThan(0);
			const outside = rootRelative.filter((url) => !url.startsWith(base));
			expect(outside, `links outside the base path on /${route}`).toEqual([]);
		}
		// The lesson's diagrams are found at their prefixed address, and keep their display size.
		const lesson = readBuiltPage('lessons/automate-deployment', dist);
		const images = lesson.selectAll('.sl-markdown-content img');
		expect(images.length).toBe(4);
		for (const img of images) {
			const src = String(img.properties.src);
			expect(src).toMatch(/^\/mlops-course\/img\//);
			expect(existsSync(join(dist, src.slice('/mlops-course/'.length))), src).toBe(true);
			expect(Number(img.properties.width)).toBeGreaterThan(0);
		}
	});

	// Search loads its UI, styles, engine and index from URLs built at run time: check them for real.
	describe.skipIf(noBrowser)(`search in the browser${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
		let browser: Browser;
		let server: StaticServer;
		beforeAll(async () => {
			browser = await connectBrowser();
			server = await startStaticServer(dist, base);
		});
		afterAll(async () => {
			await browser?.close();
			await server?.close();
		});

		it('finds and opens the lesson in dark mode, fetching everything under the base path', async () => {
			const context = await newContext(browser, { width: 1280, theme: 'dark' });
			const page = await context.newPage();
			const failed: string[] = [];
			const requested: string[] = [];
			page.on('request', (request) => requested.push(new URL(request.url()).pathname));
			page.on('response', (response) => {
				if (response.status() >= 400 && response.request().resourceType() !== 'image') failed.push(`${response.status()} ${response.url()}`);
			});
			await page.goto(server.url);
			await page.getByRole('button', { name: 'Search' }).click();
			const input = page.locator('site-search dialog').getByRole('textbox', { name: 'Search' });
			await input.fill('reproducibility');
			const result = page.locator('.pagefind-ui__result-link', { hasText: 'Automate Deployment' }).first();
			await result.waitFor();

			// The dialog follows the dark theme: light text on a dark field.
			const colours = await input.evaluate((el) => {
				const style = getComputedStyle(el);
				return { text: style.color, background: style.backgroundColor };
			});
			expect(colours.background, 'the search field has its own background').not.toMatch(/,\s*0\)$/);
			expect(luminance(colours.text), JSON.stringify(colours)).toBeGreaterThan(luminance(colours.background));

			await page.screenshot({ path: join(screenshotsDir, 'search-dark-1280-base-path.png') });
			expect(await result.getAttribute('href')).toMatch(new RegExp(`^${base}lessons/automate-deployment/`));
			await result.click();
			await page.waitForURL(`**${base}lessons/automate-deployment/**`);
			await context.close();

			expect(failed).toEqual([]);
			expect(requested.filter((path) => !path.startsWith(base))).toEqual([]);
			expect(requested.some((path) => path.includes('/pagefind/'))).toBe(true);
		});
	});
});

/** Relative luminance of an `rgb(...)`/`rgba(...)` colour, enough to tell light from dark. */
function luminance(colour: string): number {
	const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { browserSkipReason, newContext, noBrowser, useBrowserAndServer } from '../support/browser.ts';
import { courseFixture } from '../support/course-fixture.ts';
import { imageMarkupProblems, loadLessonImages } from '../support/lesson-images.ts';

const { base } = courseFixture;
const { route } = courseFixture.photoLesson;
const dist = inject('courseFixtureDist');
const output = inject('courseFixtureLog');

/**
 * A maintainer adds a JPEG to public/img and references it from a lesson, nothing else: the build
 * writes its AVIF and WebP copies, and browsers choose by screen. Part of the fixture course, built
 * under a base path, so every URL and the zoom's on-demand script are proved there too.
 */
describe("a maintainer's photo, under a base path", () => {
	it('gets AVIF and WebP copies at 1x, 2x and full width, each in the build at its width, with no warning', async () => {
		expect(await imageMarkupProblems(dist, route, base)).toEqual([]);
		const copies = readdirSync(join(dist, '_astro', 'img')).filter((f) => f.startsWith('bench.'));
		expect(copies.map((f) => f.replace(/\.[0-9a-f]{8}\./, '.')).sort()).toEqual(
			['bench.720.avif', 'bench.1440.avif', 'bench.2400.avif', 'bench.720.webp', 'bench.1440.webp', 'bench.2400.webp'].sort(),
		);
		expect(output).toMatch(/\d+ image copies written/);
		expect(output.split('\n').filter((line) => /\bWARN\b|\bwarning\b/i.test(line) && !line.includes('MODULE_LEVEL_DIRECTIVE'))).toEqual([]);
	});

	describe.skipIf(noBrowser)(`in the browser${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
		const fixture = useBrowserAndServer(() => dist, base);

		const chosen = async (width: number, deviceScaleFactor: number, disabledImageTypes?: ('avif' | 'webp')[]) => {
			const { browser, server } = fixture;
			const [image] = await loadLessonImages(browser, { siteUrl: server.url, route, width, deviceScaleFactor, disabledImageTypes });
			return new URL(image!.url).pathname.replace(/\.[0-9a-f]{8}\./, '.');
		};

		it('is fetched at the width each screen needs, as AVIF', async () => {
			expect(await chosen(375, 1)).toBe(`${base}_astro/img/bench.720.avif`);
			expect(await chosen(375, 2)).toBe(`${base}_astro/img/bench.720.avif`);
			expect(await chosen(375, 3)).toBe(`${base}_astro/img/bench.1440.avif`);
			expect(await chosen(1280, 1)).toBe(`${base}_astro/img/bench.720.avif`);
			expect(await chosen(1280, 2)).toBe(`${base}_astro/img/bench.1440.avif`);
		});

		it('comes as WebP to a browser without AVIF, and as the JPEG to one with neither', async () => {
			expect(await chosen(375, 2, ['avif'])).toBe(`${base}_astro/img/bench.720.webp`);
			expect(await chosen(1280, 2, ['avif'])).toBe(`${base}_astro/img/bench.1440.webp`);
			expect(await chosen(375, 2, ['avif', 'webp'])).toBe(`${base}img/bench.jpg`);
		});

		it('opens in the zoom view at full width, fetching everything under the base path', async () => {
			const { browser, server } = fixture;
			const context = await newContext(browser, { width: 375, deviceScaleFactor: 2 });
			const page = await context.newPage();
			const requested: string[] = [];
			const failed: string[] = [];
			page.on('request', (request) => requested.push(new URL(request.url()).pathname));
			page.on('response', (response) => response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`));
			await page.goto(server.url + route);
			const trigger = page.locator('button.zoomable');
			await expect.poll(() => trigger.isEnabled()).toBe(true);
			await trigger.click();
			const zoomed = page.locator('dialog.zoom-view[open] img');
			await expect.poll(() => zoomed.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2400);
			expect(new URL(await zoomed.evaluate((img: HTMLImageElement) => img.currentSrc)).pathname).toMatch(/\/bench\.[0-9a-f]{8}\.2400\.avif$/);
			await context.close();
			expect(failed).toEqual([]);
			expect(requested.filter((path) => !path.startsWith(base))).toEqual([]);
			expect(requested.some((path) => /zoom-view/.test(path))).toBe(true);
		});
	});
});

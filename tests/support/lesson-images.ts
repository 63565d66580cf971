import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import type { Browser, CDPSession, Page } from 'playwright-core';
import sharp from 'sharp';
import { parseSrcset } from 'srcset';
import { columnWidth } from '../../src/images/variants.ts';
import { readBuiltPage } from './built-page.ts';

/**
 * Image checks that work on any lesson of any build: the site tests run them over every lesson
 * of the test build, the fixture tests over a scratch build (under a base path, with photos).
 */

/** Image bytes a learner may download for one lesson with every image loaded, by screen. */
export const imageBudgets = [
	{ width: 375, deviceScaleFactor: 2, maxBytes: 60_000 },
	{ width: 1280, deviceScaleFactor: 2, maxBytes: 120_000 },
] as const;

/** The file a URL of the built site points at, without the base path. */
function builtFile(siteDir: string, url: string, base: string): string {
	return join(siteDir, decodeURI(url.startsWith(base) ? url.slice(base.length) : url));
}

/**
 * What is wrong with the content images of a built lesson, as sentences (empty when all is well):
 * each must be a button named by its alt text holding a <picture> with width and height; a drawn
 * diagram offers its SVG, any other image AVIF and WebP with at least a 1x and a 2x width for the
 * column, each candidate a file of that width; the fallback file exists.
 */
export async function imageMarkupProblems(siteDir: string, route: string, base = '/'): Promise<string[]> {
	const page = readBuiltPage(route, siteDir);
	const problems: string[] = [];
	const images = page.selectAll('.sl-markdown-content img');
	for (const img of images) {
		const src = String(img.properties.src ?? '');
		const say = (problem: string) => problems.push(`${route} ${src}: ${problem}`);
		if (!String(img.properties.alt ?? '').trim()) say('no alt text');
		const width = Number(img.properties.width);
		if (!(width > 0 && Number(img.properties.height) > 0)) say('no width and height');
		const picture = page.select('.sl-markdown-content picture:has(> img[src="' + src + '"])');
		const button = page.select('.sl-markdown-content button.zoomable:has(> picture > img[src="' + src + '"])');
		if (!button || button.properties.ariaHasPopup !== 'dialog') say('not in a zoom button');
		if (!src.startsWith(base)) say(`not under the base path ${base}`);
		if (!existsSync(builtFile(siteDir, src, base))) say('fallback file missing');
		if (!picture) {
			say('not in a <picture>');
			continue;
		}
		const sources = page.selectAll('source', picture);
		const types = sources.map((s) => String(s.properties.type));
		if (types.join() === 'image/svg+xml') {
			const svg = String(sources[0]!.properties.srcSet);
			if (!existsSync(builtFile(siteDir, svg, base))) say(`${svg} missing`);
			continue;
		}
		if (types.join() !== 'image/avif,image/webp') {
			say(`offers ${types.join(', ') || 'no source'}, not an SVG or AVIF and WebP`);
			continue;
		}
		for (const source of sources) problems.push(...(await candidateProblems(siteDir, base, source, width, say)).map((p) => `${route} ${src}: ${p}`));
	}
	return problems;
}

async function candidateProblems(siteDir: string, base: string, source: Element, shown: number, say: (p: string) => void) {
	const found: string[] = [];
	const format = String(source.properties.type).replace('image/', '');
	const candidates = parseSrcset(String(source.properties.srcSet));
	const widths = candidates.map((candidate) => candidate.width ?? Number.NaN);
	const column = Math.min(shown, columnWidth);
	if (!widths.includes(column)) say(`${format}: no 1x width (${column}w) among ${widths.join(', ')}`);
	if (!widths.some((w) => w > column) && shown > column) say(`${format}: no 2x width`);
	if (!source.properties.sizes) say(`${format}: no sizes`);
	for (const { url, width: descriptor } of candidates) {
		const file = builtFile(siteDir, url, base);
		if (!url.startsWith(base)) found.push(`${url} is not under the base path`);
		if (!existsSync(file)) {
			found.push(`${url} is not in the build`);
			continue;
		}
		const meta = await sharp(file).metadata();
		const actual = meta.format === 'heif' ? 'avif' : meta.format;
		if (actual !== format || meta.width !== descriptor) found.push(`${url} is ${actual} ${meta.width}w, not ${format} ${descriptor}w`);
	}
	return found;
}

export interface LoadedImage {
	/** The URL the browser chose (currentSrc). */
	url: string;
	contentType: string;
	/** Body bytes as Chromium received them (gzip-compressed when the server compressed). */
	bytes: number;
	naturalWidth: number;
}

export interface ImageLoadOptions {
	siteUrl: string;
	route: string;
	width: number;
	deviceScaleFactor: number;
	/** Image types the browser acts as if it could not decode (Chromium's Emulation.setDisabledImageTypes). */
	disabledImageTypes?: ('avif' | 'webp')[];
	/** Removes every <source> from the page before it loads: a browser that only knows <img>. */
	withoutSources?: boolean;
	/** In a test: load in one of the worker's shared pages (tests/support/browser.ts), not a context of its own. */
	shared?: boolean;
}

/**
 * Opens a lesson as a learner's browser would, scrolls to its end so every lazy image loads, and
 * reports each content image: what the browser chose and how many bytes came over the wire.
 */
export async function loadLessonImages(browser: Browser, options: ImageLoadOptions): Promise<LoadedImage[]> {
	// A shared page (cache and storage cleared) for a plain load in a test; one that changes what the
	// browser decodes or receives, or one outside Vitest (the benchmark), gets a context of its own.
	// browser.ts is loaded only then: it reads what Vitest's global setup provides.
	const shared = options.shared && !options.disabledImageTypes && !options.withoutSources ? await import('./browser.ts') : undefined;
	const view = { width: options.width, deviceScaleFactor: options.deviceScaleFactor, origin: new URL(options.siteUrl).origin };
	const context = shared ? undefined : await newImageContext(browser, options);
	const page = context ? await context.newPage() : await shared!.sharedPage(view);
	try {
		if (context && options.disabledImageTypes) {
			const session: CDPSession = await context.newCDPSession(page);
			await session.send('Emulation.setDisabledImageTypes', { imageTypes: options.disabledImageTypes });
		}
		if (options.withoutSources) {
			await page.route(/\/index\.html$|\/$/, async (route) => {
				const response = await route.fetch();
				const html = (await response.text()).replace(/<source [^>]*>/g, '');
				await route.fulfill({ response, body: html });
			});
		}
		const bytes = new Map<string, { bytes: number; contentType: string }>();
		const pending: Promise<void>[] = [];
		page.on('requestfinished', (request) => {
			if (request.resourceType() !== 'image') return;
			pending.push(
				Promise.all([request.sizes(), request.response()]).then(async ([sizes, response]) => {
					bytes.set(request.url(), { bytes: sizes.responseBodySize, contentType: (await response?.headerValue('content-type')) ?? '' });
				}),
			);
		});
		await page.goto(options.siteUrl + options.route);
		await scrollToEnd(page);
		const images = await page.$$eval('.sl-markdown-content img', (all) =>
			(all as HTMLImageElement[]).map((img) => ({ url: img.currentSrc, naturalWidth: img.naturalWidth })),
		);
		await page.waitForLoadState('networkidle');
		await Promise.all(pending);
		return images.map((image) => {
			const seen = bytes.get(image.url);
			return { url: image.url, naturalWidth: image.naturalWidth, bytes: seen?.bytes ?? Number.NaN, contentType: seen?.contentType ?? '' };
		});
	} finally {
		if (context) await context.close();
		else await shared!.releaseSharedPage(page, view);
	}
}

function newImageContext(browser: Browser, options: ImageLoadOptions) {
	const mobile = options.width < 800;
	return browser.newContext({
		viewport: { width: options.width, height: mobile ? 812 : 800 },
		deviceScaleFactor: options.deviceScaleFactor,
		isMobile: mobile,
		hasTouch: mobile,
		reducedMotion: 'reduce',
	});
}

/** Scrolls a page to its end a screen at a time, then waits until every image has loaded. */
export async function scrollToEnd(page: Page): Promise<void> {
	await page.evaluate(async () => {
		for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
			window.scrollTo(0, y);
			await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30)));
		}
		window.scrollTo(0, document.documentElement.scrollHeight);
	});
	await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
}

/** Sum of the bytes of a lesson's images, in whole bytes. */
export function totalBytes(images: LoadedImage[]): number {
	return images.reduce((sum, image) => sum + image.bytes, 0);
}

import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeadersFile, headersForPath } from '../../src/hosting/headers-file.ts';
import { makeModulePdf, pdfSizeLabel, type PdfResult } from '../../src/print/make-pdf.ts';
import { browserSkipReason, noBrowser } from '../support/browser.ts';
import { readBuiltPage } from '../support/built-page.ts';
import { chromiumPath } from '../support/chromium.ts';
import { builtSiteDir, fixtureSitesDir } from '../support/paths.ts';
import { lessonRoutes } from '../support/site-pages.ts';

interface OutlineItem {
	title: string;
	items: OutlineItem[];
}

const dir = join(fixtureSitesDir, 'module-pdf');
/** Lessons in sidebar order, as a lesson's sidebar lists them. */
const sidebarOrder = () => {
	const page = readBuiltPage(lessonRoutes(builtSiteDir)[0]!);
	return page.selectAll('nav.sidebar a[href]').map((link) => String(link.properties.href).replace(/^\//, '')).filter((route) => route !== '');
};
const titleOf = (route: string) => readBuiltPage(route).text(readBuiltPage(route).select('h1')!).trim();

/**
 * `npm run pdf`'s work on a copy of the test build, read back with pdf.js: the overview first, then
 * every lesson in sidebar order, bookmarks for lessons and their sections, external URLs written
 * out, tagged; the overview links the PDF with its size, and the worker and headers follow.
 */
describe.skipIf(noBrowser)(`the module as one PDF${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	let result: PdfResult;
	let text: string[];
	let outline: OutlineItem[];
	let marked: boolean;
	let structured: boolean;
	let pages: number;

	beforeAll(async () => {
		rmSync(dir, { recursive: true, force: true });
		cpSync(builtSiteDir, dir, { recursive: true });
		const started = Date.now();
		result = await makeModulePdf({ dir, base: '/', chromiumPath, fileName: 'module.pdf' });
		console.info(`[module pdf] ${result.bytes} bytes, ${result.lessons.length} lessons, made in ${Date.now() - started} ms`);
		const pdf = await getDocument({ data: new Uint8Array(readFileSync(result.file)), useSystemFonts: false }).promise;
		pages = pdf.numPages;
		text = [];
		for (let number = 1; number <= pdf.numPages; number++) {
			const page = await pdf.getPage(number);
			text.push((await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
			if (number === 1) structured = (await page.getStructTree()) !== null;
		}
		outline = ((await pdf.getOutline()) ?? []) as OutlineItem[];
		marked = (await pdf.getMarkInfo())?.Marked === true;
		await pdf.destroy();
	}, 120_000);
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('holds the overview as its cover, then every lesson in sidebar order', () => {
		const lessons = sidebarOrder();
		expect(result.lessons.map((path) => path.replace(/^\//, ''))).toEqual(lessons);
		expect(text[0]).toContain(titleOf(''));
		const all = text.join(' ');
		const positions = lessons.map((route) => all.indexOf(titleOf(route), text[0]!.length));
		expect(positions.every((position) => position > 0)).toBe(true);
		expect(positions).toEqual([...positions].sort((a, b) => a - b));
		expect(pages).toBeGreaterThan(lessons.length);
	});

	it('has a bookmark for each lesson, with its sections under it', () => {
		const flat = (items: OutlineItem[]): OutlineItem[] => items.flatMap((item) => [item, ...flat(item.items)]);
		// Chromium joins a heading's lines without a space: compare without spaces.
		const bare = (title: string) => title.replace(/\s+/g, '');
		const titles = flat(outline).map((item) => bare(item.title));
		for (const route of sidebarOrder()) {
			const lesson = outline.find((item) => bare(item.title) === bare(titleOf(route)));
			expect(lesson, route).toBeDefined();
			const page = readBuiltPage(route);
			const sections = page.selectAll('.sl-markdown-content h2').map((heading) => bare(page.text(heading)));
			expect(sections.length).toBeGreaterThan(0);
			expect(flat(lesson!.items).map((item) => bare(item.title))).toEqual(expect.arrayContaining(sections));
		}
		expect(titles.length).toBeGreaterThan(sidebarOrder().length);
	});

	it('prints each lesson\'s knowledge checks as numbered questions, with the answer key after the lesson', () => {
		const all = text.join(' ');
		for (const route of sidebarOrder()) {
			const checks = readBuiltPage(route).selectAll('knowledge-check').length;
			if (checks === 0) continue;
			const start = all.indexOf(titleOf(route), text[0]!.length);
			const questions = Array.from({ length: checks }, (_, index) => all.indexOf(`Question ${index + 1}.`, start));
			expect(questions.every((position) => position > start)).toBe(true);
			expect(questions).toEqual([...questions].sort((a, b) => a - b));
			expect(all.indexOf('Answer key', start)).toBeGreaterThan(questions.at(-1)!);
		}
	});

	it('is tagged, for screen readers', () => {
		expect(marked).toBe(true);
		expect(structured).toBe(true);
	});

	it('writes out where external links go', () => {
		const all = text.join('').replace(/\s+/g, '');
		for (const route of sidebarOrder()) {
			const page = readBuiltPage(route);
			for (const link of page.selectAll('.sl-markdown-content a[href^="http"]')) expect(all).toContain(String(link.properties.href).replace(/\s+/g, ''));
		}
	});

	it('is linked from the overview with its size, and the worker and headers know the new overview', () => {
		const overview = readFileSync(join(dir, 'index.html'), 'utf8');
		expect(overview).toContain(`<a href="/module.pdf" download>Download the module as PDF, ${pdfSizeLabel(result.bytes)}</a>`);
		expect(readBuiltPage('', dir).select('[data-lms-omit] a[href="/module.pdf"]')).toBeDefined();
		const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
		expect(worker).not.toContain('module.pdf');
		expect(readFileSync(join(builtSiteDir, 'sw.js'), 'utf8')).not.toEqual(worker);
		const rules = parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8'));
		expect(headersForPath(rules, '/module.pdf')['Cache-Control']).toBeDefined();
		expect(existsSync(result.file)).toBe(true);
	});
});

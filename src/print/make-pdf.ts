import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { writeHeadersFile } from '../hosting/integration.ts';
import { normalizeBase } from '../base-path.ts';
import { buildWorker } from '../offline/build-worker.ts';
import { assembleModule } from './module-document.ts';

export interface PdfOptions {
	/** The build folder (`dist/`). */
	dir: string;
	/** The base path the build was made for. */
	base: string;
	/** The Chromium to print with: the one the tests drive, never a download. */
	chromiumPath: string;
	/** The PDF's file name, at the root of the build. */
	fileName: string;
	log?: (line: string) => void;
}

export interface PdfResult {
	file: string;
	bytes: number;
	lessons: string[];
}

/**
 * Prints the whole module, the course overview as its cover and then every lesson in sidebar
 * order, into one tagged PDF with bookmarks (Chromium's `page.pdf`, print styles of
 * src/print/print.css), writes it into the build, links it from the overview with its size, and
 * brings the worker and `_headers` in step with the changed overview and the new file.
 */
export async function makeModulePdf(options: PdfOptions): Promise<PdfResult> {
	const log = options.log ?? (() => undefined);
	const base = normalizeBase(options.base);
	const files = sirv(options.dir, { dev: false, dotfiles: false });
	const server = createServer((req, res) => {
		const url = req.url ?? '/';
		if (!url.startsWith(base)) return void res.writeHead(404).end();
		req.url = '/' + url.slice(base.length);
		files(req, res, () => void res.writeHead(404).end());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const browser = await chromium.launch({ executablePath: options.chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
	try {
		const page = await browser.newPage({ colorScheme: 'light' });
		await page.goto(`${origin}${base}`, { waitUntil: 'load' });
		const published = readFileSync(join(options.dir, 'index.html'), 'utf8').match(/<link rel="canonical" href="([^"]+)"/)?.[1] ?? `${origin}${base}`;
		const { lessons } = await page.evaluate(assembleModule, published);
		log(`Printing the overview and ${lessons.length} lessons`);
		await page.emulateMedia({ media: 'print' });
		// Starlight's font stack names colour emoji fonts, from which Chromium's PDF output takes the
		// spaces where no other listed font is installed (a Linux runner): words then come apart in the
		// PDF's text. The system's sans-serif has spaces, and emoji still fall back to the emoji font.
		await page.addStyleTag({ content: ':root { --sl-font-system: sans-serif; --sl-font-system-mono: monospace; }' });
		const pdf = await page.pdf({
			format: 'A4',
			margin: { top: '16mm', bottom: '18mm', left: '16mm', right: '16mm' },
			tagged: true,
			outline: true,
			displayHeaderFooter: true,
			headerTemplate: '<span></span>',
			footerTemplate: '<div style="width:100%;font-size:8pt;text-align:center;color:#555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
		});
		const file = join(options.dir, options.fileName);
		writeFileSync(file, pdf);
		const bytes = statSync(file).size;
		linkFromOverview(options.dir, `${base}${options.fileName}`, bytes);
		await buildWorker(options.dir, base);
		writeHeadersFile(options.dir, base, { info: log, warn: log });
		return { file, bytes, lessons };
	} finally {
		await browser.close();
		await new Promise((resolve) => server.close(resolve));
	}
}

/** "1.2 MB", as the overview shows it. */
export function pdfSizeLabel(bytes: number): string {
	return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}

/** Fills the overview's PDF paragraph (OfflineCopy.astro), or replaces the link of an earlier run. */
function linkFromOverview(dir: string, href: string, bytes: number): void {
	const page = join(dir, 'index.html');
	const html = readFileSync(page, 'utf8');
	const paragraph = /<p([^>]*?)\sdata-pdf-link(?:="")?([^>]*)>[\s\S]*?<\/p>/;
	const match = paragraph.exec(html);
	if (!match) throw new Error(`${page}: no paragraph with data-pdf-link to link the PDF from`);
	const attributes = `${match[1]} data-pdf-link${match[2]!.replace(/\shidden(?:="")?/, '')}`;
	const link = `<p${attributes}><a href="${href}" download>Download the module as PDF, ${pdfSizeLabel(bytes)}</a></p>`;
	writeFileSync(page, html.replace(paragraph, link));
}

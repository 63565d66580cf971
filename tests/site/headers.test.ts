import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudFrontCspLimit, parseCsp } from '../../src/hosting/csp.ts';
import { cacheControl, securityHeaders } from '../../src/hosting/header-rules.ts';
import { headersForPath, overlappingHeaders, parseHeadersFile, type HeaderRule } from '../../src/hosting/headers-file.ts';
import { urlPathsOf } from '../../src/hosting/site-headers.ts';
import { builtSiteDir } from '../support/paths.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

/** Every file of the test build, relative to it; walked here rather than through the code under test. */
function builtFiles(): string[] {
	return (readdirSync(builtSiteDir, { recursive: true, withFileTypes: true }))
		.filter((entry) => entry.isFile())
		.map((entry) => relative(builtSiteDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.filter((file) => file !== '_headers');
}

/** Inline scripts as a second HTML parser (htmlparser2) reads them, data blocks left out. */
function inlineScripts(html: string): string[] {
	return DomUtils.getElementsByTagName('script', parseDocument(html))
		.filter((script) => !script.attribs.src && !/json/.test(script.attribs.type ?? ''))
		.map((script) => DomUtils.textContent(script));
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the response headers of the build', () => {
	const files = builtFiles();
	const pages = files.filter((file) => file.endsWith('.html'));
	let rules: HeaderRule[];
	let csp: ReturnType<typeof parseCsp>;

	beforeAll(() => {
		rules = parseHeadersFile(readFileSync(join(builtSiteDir, '_headers'), 'utf8'));
		csp = parseCsp(headersForPath(rules, '/')['Content-Security-Policy'] ?? '');
	});

	it('are written to _headers by the build', () => {
		expect(existsSync(join(builtSiteDir, '_headers'))).toBe(true);
		expect(pages.length).toBeGreaterThan(2);
	});

	it('allow every inline script of every page by its hash, and no other inline script', () => {
		const scripts = new Set(pages.flatMap((page) => inlineScripts(readFileSync(join(builtSiteDir, page), 'utf8'))));
		expect(scripts.size).toBeGreaterThan(0);
		for (const script of scripts) expect(csp['script-src'], script.slice(0, 80)).toContain(sha256(script));
		expect(csp['script-src']!.filter((source) => source.startsWith("'sha256-"))).toHaveLength(scripts.size);
		expect(csp['script-src']).not.toContain("'unsafe-inline'");
		expect(csp['script-src']).toContain("'wasm-unsafe-eval'");
	});

	it('allow every <style> element by its hash, and style attributes', () => {
		const styles = pages.flatMap((page) =>
			DomUtils.getElementsByTagName('style', parseDocument(readFileSync(join(builtSiteDir, page), 'utf8'))).map((style) => DomUtils.textContent(style)),
		);
		for (const style of styles) expect(csp['style-src-elem']).toContain(sha256(style));
		expect(csp['style-src-attr']).toEqual(["'unsafe-inline'"]);
	});

	it('allow the data: images the stylesheets use', () => {
		const css = files.filter((file) => file.endsWith('.css')).map((file) => readFileSync(join(builtSiteDir, file), 'utf8'));
		expect(css.some((text) => text.includes('url("data:image/') || text.includes('url(data:image/'))).toBe(true);
		expect(csp['img-src']).toContain('data:');
	});

	it('fit in a CloudFront response headers policy', () => {
		expect(headersForPath(rules, '/')['Content-Security-Policy']!.length).toBeLessThanOrEqual(cloudFrontCspLimit);
	});

	it('give every file one Cache-Control: a year for hashed assets, revalidation for the rest', () => {
		const urlPaths = files.flatMap((file) => urlPathsOf(file, '/'));
		expect(overlappingHeaders(rules, urlPaths)).toEqual([]);
		for (const file of files) {
			const expected = file.startsWith('_astro/') ? cacheControl.immutable : cacheControl.revalidate;
			for (const urlPath of urlPathsOf(file, '/')) expect(headersForPath(rules, urlPath)['Cache-Control'], urlPath).toBe(expected);
		}
		expect(files.some((file) => file.startsWith('pagefind/'))).toBe(true);
		expect(files.some((file) => /^sitemap.*\.xml$/.test(file))).toBe(true);
	});

	describe('as the test server sends them', () => {
		let server: StaticServer;
		beforeAll(async () => {
			server = await startStaticServer(builtSiteDir);
		});
		afterAll(() => server?.close());

		it('match _headers for pages, assets and missing paths', async () => {
			const asset = files.find((file) => file.startsWith('_astro/') && file.endsWith('.js'))!;
			for (const path of ['', 'lessons/automate-deployment/', asset, 'pagefind/pagefind.js', 'no/such/page/']) {
				const response = await fetch(server.url + path);
				const expected = headersForPath(rules, '/' + path);
				for (const [name, value] of Object.entries(expected)) expect(response.headers.get(name), `${name} of /${path}`).toBe(value);
				expect(Object.keys(expected)).toEqual(expect.arrayContaining(Object.keys(securityHeaders)));
				await response.arrayBuffer();
			}
		});
	});
});

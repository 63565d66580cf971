import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatHeadersFile } from '../../../src/hosting/headers-file.ts';
import { siteHeaderRules } from '../../../src/hosting/site-headers.ts';
import { writeFiles } from '../../support/write-files.ts';

export const fixtureCsp = "default-src 'self'; script-src 'self' 'sha256-abc='";

/** A small built site in a temporary folder, with the `_headers` the build would write for it. */
export function writeFixtureSite(files: Record<string, string>, base = '/'): string {
	const dir = mkdtempSync(join(tmpdir(), 'hosting-site-'));
	writeFiles(dir, files);
	writeFileSync(join(dir, '_headers'), formatHeadersFile(siteHeaderRules({ files: Object.keys(files), base, csp: fixtureCsp })));
	return dir;
}

export const fixtureFiles = {
	'index.html': '<!doctype html><title>Home</title>',
	'404.html': '<!doctype html><title>Not found</title>',
	'lessons/a/index.html': '<!doctype html><title>A</title>',
	'_astro/app.1234.js': 'export {}',
	'_astro/site.5678.css': 'p{}',
	'img/teams.png': 'PNG',
	'pagefind/pagefind-entry.json': '{}',
	'sitemap-index.xml': '<sitemapindex/>',
	'sw.js': 'self.addEventListener("fetch", () => {});',
};

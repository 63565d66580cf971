import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuiltPage } from '../support/built-page.ts';
import { buildLogFile, builtSiteDir } from '../support/paths.ts';
import { allPages, sitemapRoutes } from '../support/site-pages.ts';

/**
 * Warnings Astro prints for reasons outside this project, each named in docs/maintaining.md.
 * MODULE_LEVEL_DIRECTIVE: Astro's MDX output carries a "use astro:head-inject" directive that
 * Vite's bundler reports once per MDX page.
 */
const upstreamWarnings = [/\[MODULE_LEVEL_DIRECTIVE\]/];

describe('the site build', () => {
	const log = readFileSync(buildLogFile, 'utf8');

	it('prints no warning caused by the project', () => {
		const warnings = log.split('\n').filter((line) => /\bWARN\b|\bwarning\b/i.test(line));
		const ours = warnings.filter((line) => !upstreamWarnings.some((known) => known.test(line)));
		expect(ours).toEqual([]);
	});

	// The page tests walk the sitemap (tests/support/site-pages.ts). Starlight writes it only while
	// astro.config.mjs sets `site`; without it those tests would have no page to check, and pass.
	it('writes the sitemap the page tests walk', () => {
		expect(sitemapRoutes(builtSiteDir)).toContain('');
	});

	it('has a 404 page that leads back to the course', () => {
		const page = readBuiltPage('404.html');
		expect(page.text(page.select('h1')!)).toContain('Page not found');
		expect(page.selectAll('main a[href="/"]').length).toBeGreaterThan(0);
	});

	it.each(allPages(builtSiteDir))('/%s: has a description and the favicon', (route) => {
		const page = readBuiltPage(route);
		expect(String(page.select('meta[name="description"]')?.properties.content ?? '').length).toBeGreaterThan(10);
		const href = String(page.select('link[rel="shortcut icon"], link[rel="icon"]')?.properties.href ?? '');
		expect(href).toBe('/favicon.svg');
		expect(existsSync(join(builtSiteDir, href))).toBe(true);
	});
});

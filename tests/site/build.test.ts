import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuiltPage } from '../support/built-page.ts';
import { buildLogFile, builtSiteDir } from '../support/paths.ts';

/**
 * Warnings Astro prints for reasons outside this project, each named in the README.
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

	it('writes a sitemap listing the landing page and the lesson', () => {
		const sitemap = readFileSync(join(builtSiteDir, 'sitemap-0.xml'), 'utf8');
		const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
		expect(locations).toEqual(expect.arrayContaining(['/', '/lessons/automate-deployment/']));
		expect(locations.some((path) => path.includes('404'))).toBe(false);
	});

	it('has a 404 page that leads back to the course', () => {
		const page = readBuiltPage('404.html');
		expect(page.text(page.select('h1')!)).toContain('Page not found');
		expect(page.selectAll('main a[href="/"]').length).toBeGreaterThan(0);
	});

	it('serves the favicon every page asks for', () => {
		const page = readBuiltPage('lessons/automate-deployment');
		const icon = page.select('link[rel="shortcut icon"], link[rel="icon"]');
		const href = String(icon?.properties.href ?? '');
		expect(href).toBe('/favicon.svg');
		expect(existsSync(join(builtSiteDir, href))).toBe(true);
	});
});

describe('the landing page', () => {
	const home = readBuiltPage('');
	const lesson = readBuiltPage('lessons/automate-deployment');
	const lessonIds = new Set(lesson.selectAll('[id]').map((el) => String(el.properties.id)));

	it('links to the lesson', () => {
		expect(home.selectAll('a[href$="lessons/automate-deployment/"]').length).toBeGreaterThan(0);
	});

	it('lists each part of the lesson, linked to a section that exists', () => {
		const parts = home
			.selectAll('main a[href^="/lessons/automate-deployment/#"]')
			.map((a) => String(a.properties.href).split('#')[1]!);
		expect(parts).toEqual([
			'introduction-to-mlops',
			'teams-in-the-ml-process',
			'independent-data-and-ml-code',
			'nonfunctional-requirements-in-ml',
			'comparing-the-ml-workflow-with-devops',
			'types-of-automated-tests',
			'sagemaker-projects',
		]);
		for (const id of parts) expect(lessonIds, id).toContain(id);
	});

	it('describes the module for search engines and link previews', () => {
		const description = home.select('meta[name="description"]');
		expect(String(description?.properties.content ?? '').length).toBeGreaterThan(50);
	});
});

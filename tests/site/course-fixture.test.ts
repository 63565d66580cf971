import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { cacheControl } from '../../src/hosting/header-rules.ts';
import { headersForPath, parseHeadersFile } from '../../src/hosting/headers-file.ts';
import { readSiteFiles } from '../../src/hosting/upload-plan.ts';
import { comingSoonText } from '../../src/plugins/remark/empty-sections.ts';
import { imageBudgetProblems } from '../support/budgets.ts';
import { readBuiltPage } from '../support/built-page.ts';
import { courseFixture } from '../support/course-fixture.ts';
import { guideExamples } from '../support/guide-examples.ts';
import { deadInternalLinks } from '../support/internal-links.ts';
import { normalizeText } from '../support/lesson-source.ts';
import { allPages, lessonRoutes } from '../support/site-pages.ts';

/** The fixture course of tests/support/course-fixture.ts, built by the global setup under a base path. */
const dist = inject('courseFixtureDist');
const log = inject('courseFixtureLog');
const { base } = courseFixture;
const routes = allPages(dist, base);
const lessons = lessonRoutes(dist, base);

describe('a course grown by new lesson files alone, under a base path', () => {
	it('publishes each new lesson, the one with a slug at its slug', () => {
		for (const route of [courseFixture.faultyLesson.route, courseFixture.movedLesson.route, courseFixture.guideSnippetsRoute]) {
			expect(lessons).toContain(route);
		}
		expect(existsSync(join(dist, 'lessons/renamed/index.html'))).toBe(false);
	});

	it('lists every lesson on the course overview, in the order of the sidebar', () => {
		const home = readBuiltPage('', dist);
		const listed = home.selectAll('.lesson-card__title a').map((a) => String(a.properties.href));
		const sidebar = readBuiltPage(lessons[0]!, dist)
			.selectAll('nav.sidebar a[href]')
			.map((a) => String(a.properties.href))
			.filter((href) => href !== base);
		expect(listed).toEqual(sidebar);
		expect([...listed].sort()).toEqual(lessons.map((route) => `${base}${route}`).sort());
	});

	it.each(routes)('/%s: every link, stylesheet, script and image is under the base path, and every link leads somewhere', (route) => {
		const page = readBuiltPage(route, dist);
		const urls = [
			...page.selectAll('a[href]').map((a) => String(a.properties.href)),
			...page.selectAll('link[href]').map((l) => String(l.properties.href)),
			...page.selectAll('img[src], script[src]').map((e) => String(e.properties.src)),
		];
		const outside = urls.filter((url) => url.startsWith('/') && !url.startsWith('//') && !url.startsWith(base));
		expect(outside).toEqual([]);
		expect(deadInternalLinks(dist, route, base)).toEqual([]);
	});

	it('writes _headers whose rules carry the base and cover every file', () => {
		const rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
		expect(rules.filter((rule) => !rule.path.startsWith(base))).toEqual([]);
		const files = readSiteFiles(dist, base);
		expect(files.find((file) => file.file.startsWith('_astro/'))!.cacheControl).toBe(cacheControl.immutable);
		expect(files.find((file) => file.file === `${lessons[0]}index.html`)!.cacheControl).toBe(cacheControl.revalidate);
		expect(headersForPath(rules, `${base}${lessons[0]}`)['Content-Security-Policy']).toMatch(/script-src 'self'/);
	});

	it('catches the lesson with an image over the budget, and names that lesson only', () => {
		const problems = lessons.flatMap((route) => imageBudgetProblems(dist, route, base));
		expect(problems.length).toBeGreaterThan(0);
		for (const problem of problems) expect(problem).toMatch(new RegExp(`^/${courseFixture.faultyLesson.route}: `));
	});
});

describe('the examples of the authoring guide', () => {
	const examples = guideExamples().filter((example) => !example.wrong);

	it('build, each whole lesson of them published', () => {
		examples
			.filter((example) => example.wholeFile)
			.forEach((_, index) => {
				const file = courseFixture.guideExampleFile(index).replace('src/content/docs/', '').replace(/\.mdx$/, '/');
				expect(lessons, `guide example ${index + 1}`).toContain(file);
			});
		const snippets = readBuiltPage(courseFixture.guideSnippetsRoute, dist);
		const headings = snippets.selectAll('h2').map((h) => normalizeText(snippets.text(h)));
		expect(headings.filter((heading) => heading.startsWith('Example from line'))).toHaveLength(examples.filter((example) => !example.wholeFile).length);
	});

	it('keep text that only looks like a directive as written', () => {
		const snippets = readBuiltPage(courseFixture.guideSnippetsRoute, dist);
		expect(normalizeText(snippets.text(snippets.select('.sl-markdown-content')!))).toContain(
			'A screen ratio of 16:9, Note:Important, a meeting at 10:30am and re:Invent are plain text.',
		);
	});

	it('report an empty section in the build output as information, with the file and line', () => {
		const example = examples.find((each) => each.wholeFile)!;
		const lines = example.code.split('\n');
		const last = lines.findLastIndex((line) => /^## /.test(line));
		const heading = lines[last]!.replace(/^## /, '');
		const file = courseFixture.guideExampleFile(0);
		expect(log).toContain(`[course] ${file}:${last + 1} "${heading}" has no content yet; learners see "${comingSoonText}"`);
		expect(log).not.toMatch(new RegExp(`WARN.*${heading}`));
	});
});

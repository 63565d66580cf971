import { describe, expect, it } from 'vitest';
import { course } from '../../src/course.ts';
import { readBuiltPage } from '../support/built-page.ts';
import { lessonPages, sourcePath } from '../support/lesson-pages.ts';
import { normalizeText, readFrontmatter } from '../support/lesson-source.ts';

const home = readBuiltPage('');
const lessons = lessonPages();
const text = (node: Parameters<typeof home.text>[0] | undefined) => (node ? normalizeText(home.text(node)) : '');
const cards = home.selectAll('main .lesson-card');
const pathOf = (href: unknown) => new URL(String(href), 'https://site.invalid/').pathname;

/**
 * The landing page of the site build. That it lists every lesson once, in the sidebar's order, is
 * checked on the fixture course (tests/site/course-fixture.test.ts), which has several lessons to order.
 */
describe('the course overview', () => {
	it('takes its title, exam domain and description from the course', () => {
		expect(text(home.select('main h1'))).toBe(course.title);
		expect(text(home.select('.hero .tagline'))).toBe(`Domain ${course.domain.number}: ${course.domain.title}`);
		expect(home.select('meta[name="description"]')?.properties.content).toBe(course.description);
		expect(text(home.select('main .sl-markdown-content'))).toContain(course.description);
	});

	it('starts the course at the first lesson', () => {
		const start = home.select('.hero a[href]');
		expect(text(start)).toBe('Start the course');
		expect(pathOf(start?.properties.href)).toBe(pathOf(home.select('.lesson-card__title a', cards[0]!)?.properties.href));
	});

	describe.each(lessons.map((lesson) => [lesson.route, lesson] as const))('the card of /%s', (route, lesson) => {
		const card = cards.find((each) => pathOf(home.select('.lesson-card__title a', each)?.properties.href) === `/${route}`)!;
		const frontmatter = readFrontmatter(sourcePath(lesson)) as { title: string; summary?: string; description?: string };

		it('shows its title and its summary, or its description', () => {
			expect(text(home.select('.lesson-card__title a', card))).toBe(frontmatter.title);
			const summary = frontmatter.summary ?? frontmatter.description;
			if (summary) expect(text(home.select('.lesson-card__summary', card))).toBe(normalizeText(summary));
		});

		it("lists its sections from level 2 to 4 in order, each linked to the lesson's heading", () => {
			const headings = lesson.page.selectAll('.sl-markdown-content :is(h2, h3, h4)');
			const parts = home.selectAll('.outline a', card);
			expect(parts.map((a) => text(a))).toEqual(headings.map((h) => normalizeText(lesson.page.text(h))));
			expect(parts.map((a) => String(a.properties.href))).toEqual(headings.map((h) => `/${route}#${h.properties.id}`));
		});

		it('marks the sections that are coming soon, as the lesson does', () => {
			const soon = home
				.selectAll('.outline li', card)
				.filter((li) => li.children.some((child) => child.type === 'element' && (child.properties.className as string[] | undefined)?.includes('outline__soon')))
				.map((li) => text(home.select('a', li)));
			const blocks = lesson.page.select('.sl-markdown-content')!.children.filter((child) => child.type === 'element');
			const inLesson = lesson.page
				.selectAll('.sl-markdown-content .coming-soon')
				.map((mark) => {
					const before = blocks[blocks.indexOf(mark) - 1]!;
					return normalizeText(lesson.page.text(lesson.page.select('h2, h3, h4, h5, h6', before) ?? before));
				});
			expect(soon).toEqual(inLesson);
		});
	});
});

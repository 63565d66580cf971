import { readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { course } from '../../src/course.ts';
import { comingSoonText } from '../../src/plugins/remark/empty-sections.ts';
import { imageBudgetProblems } from '../support/budgets.ts';
import { gitHistoryMissing, lastCommitDate, lessonPages, sourcePath } from '../support/lesson-pages.ts';
import { normalizeText, readFrontmatter, readKnowledgeChecks, readLessonSource } from '../support/lesson-source.ts';
import { builtSiteDir, lessonsSourceDir, projectRoot } from '../support/paths.ts';

const lessons = lessonPages();
const noHistory = gitHistoryMissing();
// Printed under the file's name in every reporter; a skipped test's own note is shown by few.
if (noHistory) console.warn(`Skipped for every lesson, "shows the date of its last commit": ${noHistory}.`);

/** Every lesson file maintainers wrote, relative to the project root. */
const lessonFiles = readdirSync(lessonsSourceDir, { recursive: true, encoding: 'utf8' })
	.filter((name) => /\.mdx?$/.test(name))
	.map((name) => relative(projectRoot, `${lessonsSourceDir}${name}`));

describe('the lessons of the build', () => {
	it('are every lesson file, each published once, each with an "Edit this page" link to its file', () => {
		const published = lessons.map((lesson) => lesson.file).sort();
		const drafts = lessonFiles.filter((file) => readFrontmatter(`${projectRoot}${file}`).draft === true);
		expect(published).toEqual(lessonFiles.filter((file) => !drafts.includes(file)).sort());
	});
});

describe.each(lessons.map((lesson) => [lesson.route, lesson] as const))('/%s', (_, lesson) => {
	const { page } = lesson;
	const content = page.select('.sl-markdown-content')!;
	const source = readLessonSource(sourcePath(lesson));
	const text = (node: Parameters<typeof page.text>[0]) => normalizeText(page.text(node));

	it('renders every heading of the source, in order and at its level', () => {
		const rendered = page.selectAll('h2, h3, h4, h5, h6', content).map((h) => ({ depth: Number(h.tagName[1]), text: text(h) }));
		expect(rendered).toEqual(source.headings);
	});

	it('renders every paragraph of the source, in order', () => {
		const contentText = text(content);
		let from = 0;
		for (const paragraph of source.paragraphs) {
			const at = contentText.indexOf(paragraph, from);
			expect(at, `paragraph missing or out of order: "${paragraph}"`).toBeGreaterThanOrEqual(0);
			from = at + paragraph.length;
		}
	});

	it('renders every list item of the source as a list item', () => {
		const items = page.selectAll('li', content).map((li) => text(li));
		for (const item of source.listItems) expect(items.some((rendered) => rendered.startsWith(item)), `list item missing: "${item}"`).toBe(true);
	});

	it('keeps every link of the source with its words', () => {
		for (const link of source.links.filter((l) => /^https?:\/\//.test(l.url))) {
			const anchors = page.selectAll(`a[href="${link.url}"]`, content);
			expect(anchors.map((a) => text(a)), link.url).toContain(link.text);
		}
	});

	it('opens with the exam domain it belongs to, as a labelled region', () => {
		const frontmatter = readFrontmatter(sourcePath(lesson)) as { domain?: { number: number; title: string } };
		const domain = frontmatter.domain ?? course.domain;
		const first = content.children.find((child) => child.type === 'element');
		expect(first?.type === 'element' && first.tagName).toBe('aside');
		const labelId = String((first as { properties: { ariaLabelledBy: string[] } }).properties.ariaLabelledBy[0]);
		expect(text(page.select(`[id="${labelId}"]`, content)!)).toBe(`Domain ${domain.number}: ${domain.title}`);
	});

	it('says "coming soon" under each heading with nothing under it, out of the search index', () => {
		const blocks = content.children.filter((child) => child.type === 'element');
		const depth = (block: (typeof blocks)[number] | undefined) => {
			const wrapper = (block?.properties.className as string[] | undefined)?.includes('sl-heading-wrapper');
			const heading = block && (/^h[2-6]$/.test(block.tagName) ? block : wrapper ? page.select('h2, h3, h4, h5, h6', block) : undefined);
			return heading ? Number(heading.tagName[1]) : undefined;
		};
		// No heading is left with nothing under it: something always comes before the next of its level.
		blocks.forEach((block, index) => {
			const level = depth(block);
			if (level === undefined) return;
			const next = blocks[index + 1];
			const nextLevel = depth(next);
			expect(next !== undefined && (nextLevel === undefined || nextLevel > level), `empty section: ${text(block)}`).toBe(true);
		});
		blocks.forEach((block, index) => {
			if (!(block.properties.className as string[] | undefined)?.includes('coming-soon')) return;
			expect(text(block)).toBe(comingSoonText);
			expect(block.properties.dataPagefindIgnore).toBeDefined();
			// Right after a heading (Starlight wraps each heading with its anchor link).
			expect(depth(blocks[index - 1])).toBeDefined();
		});
	});

	it.skipIf(noHistory !== undefined)('shows the date of its last commit, or none before its first', () => {
		const time = page.select('footer time');
		const date = lastCommitDate(lesson.file);
		expect(time?.properties.dateTime).toBe(date);
	});

	it('has every content image sized, with alt text; the first loads at once, the rest lazily', () => {
		const images = page.selectAll('.sl-markdown-content img');
		images.forEach((img, index) => {
			const src = String(img.properties.src);
			expect(Number(img.properties.width), src).toBeGreaterThan(0);
			expect(Number(img.properties.height), src).toBeGreaterThan(0);
			expect(String(img.properties.alt ?? '').trim(), src).not.toBe('');
			expect(img.properties.loading, src).toBe(index === 0 ? 'eager' : 'lazy');
			expect(img.properties.decoding, src).toBe('async');
		});
	});

	// The first-load budget of every page, lessons included, is held in page-weight.test.ts.
	it('stays within the image budget', () => {
		expect(imageBudgetProblems(builtSiteDir, lesson.route)).toEqual([]);
	});

	it('renders every knowledge check of the source: question, options, answer key and explanations', () => {
		const checks = readKnowledgeChecks(sourcePath(lesson));
		const rendered = page.selectAll('knowledge-check', content);
		expect(rendered).toHaveLength(checks.length);
		checks.forEach((check, index) => {
			const element = rendered[index]!;
			expect(text(page.select('fieldset > legend', element)!)).toBe(check.question);
			expect(page.selectAll('fieldset label', element).map((label) => text(label))).toEqual(check.options.map((option) => option.text));
			const type = check.options.filter((option) => option.correct).length > 1 ? 'checkbox' : 'radio';
			expect(page.selectAll('fieldset input', element).map((input) => input.properties.type)).toEqual(check.options.map(() => type));
			const key = page.selectAll('details .kc-key > li', element);
			check.options.forEach((option, i) => {
				expect(key[i]?.properties.dataCorrect).toBe(String(option.correct));
				const explanation = page.select('.kc-key-explanation', key[i]!);
				expect(explanation ? text(explanation) : '').toBe(option.explanation);
			});
			if (check.explanation) expect(text(page.select('details > .kc-key-explanation', element)!)).toBe(check.explanation);
		});
	});
});

import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkEmptySections, type EmptySection } from '../../src/plugins/remark/empty-sections.ts';

function render(markdown: string) {
	const reported: EmptySection[] = [];
	const file = new VFile({ path: 'lessons/example.mdx', value: markdown });
	const processor = unified()
		.use(remarkParse)
		.use(remarkMdx)
		.use(remarkEmptySections, { report: (_, section) => reported.push(section) })
		.use(remarkRehype)
		.use(rehypeStringify);
	const html = String(processor.processSync(file));
	const frontmatter = (file.data as { astro?: { frontmatter?: { emptySections?: string[] } } }).astro?.frontmatter;
	return { html, reported, emptySections: frontmatter?.emptySections };
}

const soon = '<p class="coming-soon" data-pagefind-ignore>This section is coming soon.</p>';

describe('empty sections', () => {
	it('shows "coming soon" under a heading followed by one of the same or a higher level, or by nothing', () => {
		const { html, reported, emptySections } = render('## One\n\nText.\n\n## Two\n\n## Three\n\n### Three point one\n\nText.\n\n## Four\n');
		expect(html).toBe(
			`<h2>One</h2>\n<p>Text.</p>\n<h2>Two</h2>\n${soon}\n<h2>Three</h2>\n<h3>Three point one</h3>\n<p>Text.</p>\n<h2>Four</h2>\n${soon}`,
		);
		expect(reported).toEqual([
			{ line: 5, depth: 2, text: 'Two', slug: 'two' },
			{ line: 13, depth: 2, text: 'Four', slug: 'four' },
		]);
		expect(emptySections).toEqual(['two', 'four']);
	});

	it('counts a rule or a comment as nothing, and a deeper heading as content', () => {
		const { reported } = render('## Rule only\n\n---\n\n## Comment only\n\n{/* later */}\n\n## Parent\n\n### Child\n\nText.\n');
		expect(reported.map((section) => section.text)).toEqual(['Rule only', 'Comment only']);
	});

	it('gives each heading the id the page gives it, repeated headings included', () => {
		const { emptySections } = render('## Notes\n\nText.\n\n## Notes\n\n## Q&A: *tests*\n');
		expect(emptySections).toEqual(['notes-1', 'qa-tests']);
	});

	it('leaves a lesson without empty sections as it was', () => {
		const { html, reported } = render('## One\n\nText.\n\n### Two\n\nMore.\n');
		expect(html).not.toContain('coming-soon');
		expect(reported).toEqual([]);
	});
});

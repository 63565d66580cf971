import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeHtmlInMdx } from '../../src/plugins/rehype/html-in-mdx.ts';

/** The hast MDX hands rehype plugins, after this plugin: the element names and the JSX left. */
function transform(mdx: string) {
	const processor = unified()
		.use(remarkParse)
		.use(remarkMdx)
		.use(remarkRehype, { passThrough: ['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm'] })
		.use(rehypeHtmlInMdx);
	const tree = processor.runSync(processor.parse(mdx)) as Root;
	const elements: string[] = [];
	const jsx: string[] = [];
	visit(tree, (node) => {
		if (node.type === 'element') elements.push(node.tagName);
		if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') jsx.push(String((node as { name: string }).name));
	});
	return { tree, elements, jsx };
}

describe('HTML written in an MDX lesson', () => {
	it('becomes the element Markdown would produce, with its attributes and children', () => {
		const { tree, elements, jsx } = transform('<img src="/img/teams.png" alt="The teams" />\n\nText with <abbr title="Machine learning">ML</abbr> and a<br />break.\n');
		expect(jsx).toEqual([]);
		expect(elements).toEqual(expect.arrayContaining(['img', 'abbr', 'br']));
		const html = unified().use(rehypeStringify).stringify(tree as never);
		expect(html).toContain('<img src="/img/teams.png" alt="The teams">');
		expect(html).toContain('<abbr title="Machine learning">ML</abbr>');
	});

	it('keeps class and boolean attributes', () => {
		const html = unified().use(rehypeStringify).stringify(transform('<details class="extra" open>\n\nMore.\n\n</details>\n').tree as never);
		expect(html).toContain('<details class="extra" open>');
	});

	it('leaves components and attributes computed in braces to MDX', () => {
		const { jsx } = transform('<Aside type="tip">Hi</Aside>\n\n<span style={{ color: "red" }}>Red</span>\n\n<img src="/x.png" alt="x" {...props} />\n');
		expect(jsx).toEqual(['Aside', 'span', 'img']);
	});
});

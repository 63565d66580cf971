import { readFileSync } from 'node:fs';
import type { Heading, Link, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** Collapses whitespace and typographic variants so source text and rendered text compare equal. */
export function normalizeText(text: string): string {
	return text
		.replace(/[\u2018\u2019]/g, "'")
		.replace(/[\u201C\u201D]/g, '"')
		.replace(/\u2014/g, '--')
		.replace(/\u2013/g, '-')
		.replace(/\s+/g, ' ')
		.trim();
}

export interface LessonSource {
	headings: { depth: number; text: string }[];
	paragraphs: string[];
	listItems: string[];
	links: { url: string; text: string }[];
}

/** Reads what a lesson's MDX says, as a maintainer wrote it, to derive what the built page must show. */
export function readLessonSource(path: string): LessonSource {
	const tree = unified()
		.use(remarkParse)
		.use(remarkFrontmatter)
		.use(remarkMdx)
		.use(remarkGfm)
		.use(remarkDirective)
		.parse(readFileSync(path, 'utf8')) as Root;
	// A hard line break renders as a line break, which reads as a space.
	visit(tree, 'break', (node) => {
		Object.assign(node, { type: 'text', value: ' ' });
	});
	const source: LessonSource = { headings: [], paragraphs: [], listItems: [], links: [] };
	visit(tree, (node) => {
		if (node.type === 'heading') {
			source.headings.push({ depth: (node as Heading).depth, text: normalizeText(toString(node)) });
		} else if (node.type === 'paragraph') {
			const text = normalizeText(toString(node, { includeImageAlt: false }));
			if (text) source.paragraphs.push(text);
		} else if (node.type === 'listItem') {
			const text = normalizeText(toString(node.children[0]));
			if (text) source.listItems.push(text);
		} else if (node.type === 'link') {
			source.links.push({ url: (node as Link).url, text: normalizeText(toString(node)) });
		}
	});
	return source;
}

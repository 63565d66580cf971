import { readFileSync } from 'node:fs';
import type { Heading, Link, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { ContainerDirective } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';

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

/** A lesson file's frontmatter, as its YAML reads. */
export function readFrontmatter(path: string): Record<string, unknown> {
	return (parseYaml(readFileSync(path, 'utf8').split(/^---$/m)[1] ?? '') as Record<string, unknown> | null) ?? {};
}

export interface LessonSource {
	headings: { depth: number; text: string }[];
	paragraphs: string[];
	listItems: string[];
	links: { url: string; text: string }[];
}

function parseLesson(path: string): Root {
	return unified()
		.use(remarkParse)
		.use(remarkFrontmatter)
		.use(remarkMdx)
		.use(remarkGfm)
		.use(remarkDirective)
		.parse(readFileSync(path, 'utf8')) as Root;
}

function isKnowledgeCheck(node: { type: string; name?: string | null }): node is ContainerDirective {
	return node.type === 'containerDirective' && node.name === 'knowledge-check';
}

/**
 * Reads what a lesson's MDX says, as a maintainer wrote it, to derive what the built page must show.
 * Knowledge checks are left out: they render as a form plus an answer key, not in source order,
 * and readKnowledgeChecks below derives what they must show.
 */
export function readLessonSource(path: string): LessonSource {
	const tree = parseLesson(path);
	// A hard line break renders as a line break, which reads as a space.
	visit(tree, 'break', (node) => {
		Object.assign(node, { type: 'text', value: ' ' });
	});
	const source: LessonSource = { headings: [], paragraphs: [], listItems: [], links: [] };
	visit(tree, (node) => {
		if (isKnowledgeCheck(node)) return SKIP;
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

export interface KnowledgeCheckSource {
	question: string;
	options: { text: string; correct: boolean; explanation: string }[];
	/** The explanation for the whole question (paragraphs after the options), or ''. */
	explanation: string;
}

/**
 * Reads the lesson's knowledge checks independently of the plugin: the label is the question, each
 * task-list item's paragraph its option, the items of the list nested under it its explanation.
 */
export function readKnowledgeChecks(path: string): KnowledgeCheckSource[] {
	const checks: KnowledgeCheckSource[] = [];
	visit(parseLesson(path), (node) => {
		if (!isKnowledgeCheck(node)) return;
		const [label, ...body] = node.children;
		const list = body.find((child) => child.type === 'list');
		const after = list ? body.slice(body.indexOf(list) + 1) : [];
		checks.push({
			question: normalizeText(toString(label!)),
			options: (list?.children ?? []).map((item) => {
				const [option, ...nested] = item.children;
				return { text: normalizeText(toString(option!)), correct: item.checked === true, explanation: normalizeText(nested.map((child) => toString(child)).join(' ')) };
			}),
			explanation: normalizeText(after.map((child) => toString(child)).join(' ')),
		});
		return SKIP;
	});
	return checks;
}

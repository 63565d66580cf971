import { readFileSync } from 'node:fs';
import type { Code, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { authoringGuide } from './paths.ts';

export interface GuideExample {
	/** The example as a maintainer would copy it. */
	code: string;
	/** Marked `mdx wrong`: a slip the build must stop at. */
	wrong: boolean;
	/** A whole lesson file, frontmatter included. */
	wholeFile: boolean;
	/** Its line in the guide, for failure messages. */
	line: number;
}

/** Every `mdx` code block of the authoring guide, in order. */
export function guideExamples(path = authoringGuide): GuideExample[] {
	const tree = unified().use(remarkParse).parse(readFileSync(path, 'utf8')) as Root;
	const examples: GuideExample[] = [];
	visit(tree, 'code', (node: Code) => {
		if (node.lang !== 'mdx') return;
		examples.push({
			code: node.value,
			wrong: /\bwrong\b/.test(node.meta ?? ''),
			wholeFile: node.value.startsWith('---\n'),
			line: node.position?.start.line ?? 0,
		});
	});
	return examples;
}

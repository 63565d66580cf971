import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { MdxParseError } from '../../src/integrations/mdx-error-hints.ts';
import { remarkClosedDirectives } from '../../src/plugins/remark/closed-directives.ts';
import { remarkComparisonTables } from '../../src/plugins/remark/comparison-tables.ts';
import { remarkCourseAsides } from '../../src/plugins/remark/course-asides.ts';
import { remarkKnowledgeCheck } from '../../src/plugins/remark/knowledge-check.ts';
import { remarkProseBraces } from '../../src/plugins/remark/prose-braces.ts';

/**
 * Runs the project's checks and directive plugins the way the site orders them, on a Markdown
 * string, and returns the tree and the Markdown it stringifies to. `path` decides MDX or Markdown;
 * `withoutPlugins` gives the baseline; `withoutKnowledgeCheck` shows what the later plugins do with a
 * directive it would have claimed.
 */
export function runDirectivePlugins(
	markdown: string,
	options: { path?: string; withoutPlugins?: boolean; withoutKnowledgeCheck?: boolean } = {},
) {
	const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMdx).use(remarkDirective);
	if (!options.withoutPlugins) {
		processor.use(remarkClosedDirectives).use(remarkProseBraces);
		if (!options.withoutKnowledgeCheck) processor.use(remarkKnowledgeCheck);
		processor.use(remarkComparisonTables).use(remarkCourseAsides);
	}
	processor.use(remarkStringify);
	const file = new VFile({ value: markdown, path: options.path ?? 'lessons/example.mdx' });
	const tree = processor.runSync(processor.parse(file), file) as Root;
	return { tree, output: String(processor.stringify(tree, file)) };
}

/** The error MDX's parser throws for the text, as the build receives it, or undefined if it parses. */
export function mdxParseError(mdx: string): MdxParseError | undefined {
	try {
		unified().use(remarkParse).use(remarkMdx).parse(mdx);
	} catch (error) {
		return error as MdxParseError;
	}
	return undefined;
}

/** The error a plugin throws for the Markdown, with its message and line, or undefined if none. */
export function directiveError(markdown: string, options?: Parameters<typeof runDirectivePlugins>[1]) {
	try {
		runDirectivePlugins(markdown, options);
	} catch (error) {
		const { message, line, file } = error as { message: string; line?: number; file?: string };
		return { message, line, file };
	}
	return undefined;
}

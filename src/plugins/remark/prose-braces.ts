import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isMdxFile } from './mdx-component.ts';

/** An expression that holds only comments, the one use of `{…}` lesson text needs. */
function isComment(expression: string): boolean {
	return /^(\s*\/\*[\s\S]*?\*\/\s*)*$/.test(expression);
}

/**
 * Stops the build at `{…}` in the text of an MDX lesson. MDX runs it as JavaScript: "a set {a, b}"
 * fails only when the page renders, with "a is not defined" and no file or line, and "{1, 2, 3}"
 * silently shows "3". Lessons are prose; a brace meant as text is escaped (`\{`). Comments
 * (`{/* … *\/}`) are allowed. Props of components (`<Tag prop={…} />`) are not text and are left alone.
 */
export function remarkProseBraces() {
	return function transformer(tree: Root, file: VFile) {
		if (!isMdxFile(file.path)) return;
		visit(tree, (node) => {
			if (node.type !== 'mdxFlowExpression' && node.type !== 'mdxTextExpression') return;
			if (isComment(node.value)) return;
			const written = `{${node.value}}`;
			file.fail(
				`"${written}" is read by MDX as JavaScript, not shown as text. To show the braces, escape the opening one: \\${written}. ` +
					'(A note to other maintainers is written {/* like this */}.)',
				node,
				'prose-braces:expression',
			);
		});
	};
}

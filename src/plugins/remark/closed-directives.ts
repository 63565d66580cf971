import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** A line of three or more colons, indented or quoted (`> :::`) inside a block quote. */
const fence = /^[\s>]*:{3,}\s*$/;

/**
 * Stops the build at a container directive that is not closed by a fence of its own. Markdown lets
 * `:::note` run to the end of the file when its closing `:::` is missing, so every section after it
 * would silently end up inside the note; and a directive with another inside it is closed by the
 * inner one's `:::` unless it has more colons, which leaves a stray `:::` on the page. remark-directive
 * leaves no mark of either: a closed directive is one whose last line is a fence that belongs to it.
 */
export function remarkClosedDirectives() {
	return function transformer(tree: Root, file: VFile) {
		const lines = String(file.value).split(/\r?\n/);
		visit(tree, (node) => {
			if (node.type === 'paragraph' && /^:{3,}$/.test(toString(node).trim())) {
				file.fail(
					`"${toString(node).trim()}" on line ${node.position?.start.line} closes no directive. Remove it, or, if it should close a directive ` +
						'that has another one inside, give the outer directive more colons than the inner one (::::tip … :::note … ::: … ::::).',
					node,
					'closed-directives:stray-fence',
				);
			}
			if (node.type !== 'containerDirective') return;
			const closing = closedBy(node, lines);
			if (closing === 'own') return;
			const start = node.position?.start.line;
			const opening = `:::${node.name}`;
			const reason =
				closing === 'nested'
					? `"${opening}" on line ${start} is closed by the ":::" of the directive inside it. Give "${opening}" more colons than the one inside, ` +
						`and close it with as many:\n\n:${opening}\nIts text.\n:::note\nThe inner one.\n:::\n::::`
					: `"${opening}" on line ${start} is never closed, so everything after it, to the end of the file, would be inside it. ` +
						`Write a line with ":::" where its text ends:\n\n${opening}\nIts text.\n:::`;
			file.fail(reason, node, 'closed-directives:unclosed');
		});
	};
}

/** Whether the directive's last line is a fence of its own, of a directive nested in it, or none. */
function closedBy(node: ContainerDirective, lines: string[]): 'own' | 'nested' | 'none' {
	const start = node.position?.start.line;
	const end = node.position?.end.line;
	// Without positions (a tree built by code) there is nothing to judge.
	if (start === undefined || end === undefined) return 'own';
	if (end === start || !fence.test(lines[end - 1] ?? '')) return 'none';
	const lastChild = node.children.at(-1);
	if (!lastChild?.position || lastChild.position.end.line < end) return 'own';
	return lastChild.type === 'containerDirective' ? 'nested' : 'none';
}

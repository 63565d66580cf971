import type { Paragraph } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';

/**
 * Splits a container directive into its `[label]` and its body. remark-directive keeps the label
 * as a first paragraph marked `directiveLabel`; a plugin that renders the body must not show it twice.
 */
export function splitDirectiveLabel(node: ContainerDirective): { label: string | undefined; body: ContainerDirective['children'] } {
	const [first, ...rest] = node.children;
	if (first?.type === 'paragraph' && (first as Paragraph).data?.directiveLabel) {
		const label = toString(first).trim();
		return { label: label === '' ? undefined : label, body: rest };
	}
	return { label: undefined, body: node.children };
}

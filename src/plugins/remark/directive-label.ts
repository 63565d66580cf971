import type { PhrasingContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';

export interface DirectiveLabel {
	/** The `[label]` as text, trimmed; undefined when there is none or it is blank. */
	label: string | undefined;
	/** The label as written (emphasis, code, links), for a component that shows it; empty without a label. */
	labelContent: PhrasingContent[];
	/** Everything after the label. */
	body: ContainerDirective['children'];
}

/**
 * Splits a container directive into its `[label]` and its body. remark-directive keeps the label
 * as a first paragraph marked `directiveLabel`; a plugin that renders the body must not show it twice.
 */
export function splitDirectiveLabel(node: ContainerDirective): DirectiveLabel {
	const [first, ...rest] = node.children;
	if (first?.type === 'paragraph' && first.data?.directiveLabel) {
		const label = toString(first).trim();
		return label === '' ? { label: undefined, labelContent: [], body: rest } : { label, labelContent: first.children, body: rest };
	}
	return { label: undefined, labelContent: [], body: node.children };
}

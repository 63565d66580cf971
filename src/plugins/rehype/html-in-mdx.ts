import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';

type JsxElement = MdxJsxFlowElementHast | MdxJsxTextElementHast;

/**
 * Turns HTML written in an MDX lesson (`<img src="/img/x.png" alt="…" />`) into the same kind of
 * element Markdown produces, so the site's rehype plugins treat both alike: the image gets its size
 * and lazy loading, and every root-relative link gets the base path. MDX keeps such tags as JSX,
 * which those plugins would not see. Only lowercase HTML tags with plain text attributes are turned:
 * components (`<Aside>`) and attributes computed in `{…}` are left to MDX.
 */
export function rehypeHtmlInMdx() {
	return function transformer(tree: Root) {
		visit(tree, (node, index, parent) => {
			if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
			if (!parent || index === undefined) return;
			const element = toElement(node as JsxElement);
			if (element) parent.children[index] = element;
		});
	};
}

function toElement(node: JsxElement): Element | undefined {
	if (!node.name || !/^[a-z][a-z0-9]*$/.test(node.name)) return undefined;
	const attributes: Record<string, string | true> = {};
	for (const attribute of node.attributes) {
		if (attribute.type !== 'mdxJsxAttribute') return undefined;
		if (attribute.value === null || attribute.value === undefined) attributes[attribute.name] = true;
		else if (typeof attribute.value === 'string') attributes[attribute.name] = attribute.value;
		else return undefined;
	}
	return h(node.name, attributes, node.children as ElementContent[]);
}

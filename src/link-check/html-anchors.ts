import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/**
 * The targets a `#fragment` can name in a page: every `id`, and `name` on `<a>` (the older form
 * AWS docs still use after headings). Parsed with parse5 (through hast), which copes with the
 * truncated page the byte cap may leave.
 */
export function findAnchors(html: string): Set<string> {
	const anchors = new Set<string>();
	visit(fromHtml(html), 'element', (node: Element) => {
		const id = node.properties.id;
		if (typeof id === 'string' && id !== '') anchors.add(id);
		const name = node.properties.name;
		if (node.tagName === 'a' && typeof name === 'string' && name !== '') anchors.add(name);
	});
	return anchors;
}

/** Whether the fragment names a place in the page (an empty fragment and `#top` always do, as in browsers). */
export function hasAnchor(anchors: Set<string>, fragment: string): boolean {
	if (fragment === '' || fragment.toLowerCase() === 'top') return true;
	if (anchors.has(fragment)) return true;
	try {
		return anchors.has(decodeURIComponent(fragment));
	} catch {
		return false;
	}
}

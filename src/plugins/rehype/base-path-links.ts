import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isRootRelative } from '../public-file.ts';

/**
 * Prefixes root-relative `href` and `src` attributes in lesson content with the site's base path.
 *
 * Authors write `/img/teams.png` and `/lessons/x/` as the site will be addressed at its root;
 * Astro leaves Markdown URLs untouched, so without this a site deployed under a sub-path
 * (a GitHub Pages project site) would point every such link at the wrong place.
 * No maintained rehype plugin does only this, and it is a few lines.
 *
 * Every such URL is prefixed, once: a URL that already starts with the base path cannot be told
 * from one whose first folder has the same name (base `/lessons/` and `/lessons/x/`), and authors
 * write URLs from the site root (docs/authoring.md, "Links").
 */
export function rehypeBasePathLinks(options: { base: string }) {
	const base = options.base.replace(/\/+$/, '');
	return function transformer(tree: Root) {
		if (base === '') return;
		visit(tree, 'element', (node: Element) => {
			for (const attribute of ['href', 'src'] as const) {
				const value = node.properties[attribute];
				if (typeof value !== 'string') continue;
				if (!isRootRelative(value)) continue;
				node.properties[attribute] = `${base}${value}`;
			}
		});
	};
}

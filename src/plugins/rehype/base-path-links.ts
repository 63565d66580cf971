import type { Element, Root } from 'hast';
import { parseSrcset, stringifySrcset } from 'srcset';
import { visit } from 'unist-util-visit';
import { isRootRelative } from '../../public-file.ts';

/**
 * Prefixes root-relative `href`, `src` and `srcset` URLs in lesson content with the site's base path.
 *
 * Authors write `/img/teams.png` and `/lessons/x/` as the site will be addressed at its root;
 * Astro leaves Markdown URLs untouched, so without this a site deployed under a sub-path
 * (a GitHub Pages project site) would point every such link at the wrong place.
 * No maintained rehype plugin does only this, and it is a few lines.
 *
 * Every such URL is prefixed, once: a URL that already starts with the base path cannot be told
 * from one whose first folder has the same name (base `/lessons/` and `/lessons/x/`), and authors
 * write URLs from the site root (docs/authoring.md, "Links"), as the image plugins do.
 */
export function rehypeBasePathLinks(options: { base: string }) {
	const base = options.base.replace(/\/+$/, '');
	const prefix = (url: string) => (isRootRelative(url) ? `${base}${url}` : url);
	return function transformer(tree: Root) {
		if (base === '') return;
		visit(tree, 'element', (node: Element) => {
			for (const attribute of ['href', 'src'] as const) {
				const value = node.properties[attribute];
				if (typeof value === 'string') node.properties[attribute] = prefix(value);
			}
			const srcSet = node.properties.srcSet;
			if (typeof srcSet === 'string') {
				node.properties.srcSet = stringifySrcset(parseSrcset(srcSet).map((candidate) => ({ ...candidate, url: prefix(candidate.url) })));
			}
		});
	};
}

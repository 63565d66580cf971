import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { planImage } from '../../images/variants.ts';

/**
 * Puts each content `<img>` served from public/ into a `<picture>` that lets the browser choose:
 * a drawn diagram's SVG, or AVIF and WebP copies at 1x and 2x the width it is shown at (what
 * src/images/variants.ts plans and the build writes). The `<img>` keeps its PNG or JPEG as the
 * fallback, and its size and loading attributes, which the `<picture>` follows.
 *
 * Runs after the image-attributes plugin and before the base-path plugin, which prefixes the
 * `srcset` URLs written here.
 */
export function rehypeResponsiveImages(options: { publicDir: string }) {
	return async function transformer(tree: Root) {
		const found: { image: Element; parent: Element | Root }[] = [];
		visit(tree, 'element', (node: Element, _, parent) => {
			if (node.tagName !== 'img' || !parent || parent.type === 'mdxJsxFlowElement' || parent.type === 'mdxJsxTextElement') return;
			if (parent.type === 'element' && parent.tagName === 'picture') return;
			found.push({ image: node, parent });
		});
		await Promise.all(
			found.map(async ({ image, parent }) => {
				const src = image.properties.src;
				if (typeof src !== 'string') return;
				const plan = await planImage(options.publicDir, src);
				if (!plan) return;
				const sources: Element[] =
					plan.kind === 'vector'
						? [source({ type: 'image/svg+xml', srcSet: plan.url })]
						: plan.sources.map(({ type, candidates }) =>
								source({ type, srcSet: candidates.map((c) => `${c.url} ${c.width}w`).join(', '), sizes: plan.sizes }),
							);
				const picture: Element = { type: 'element', tagName: 'picture', properties: {}, children: [...sources, image] };
				const index = parent.children.indexOf(image);
				parent.children[index] = picture as ElementContent;
			}),
		);
	};
}

function source(properties: Element['properties']): Element {
	return { type: 'element', tagName: 'source', properties, children: [] };
}

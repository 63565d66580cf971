import { existsSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { displaySize } from '../../images/display-size.ts';
import { isRootRelative, publicFilePath } from '../../public-file.ts';

export interface ImageAttributesOptions {
	/** The folder that root-relative image paths are served from. */
	publicDir: string;
	/**
	 * How many of a page's first images load eagerly; the rest wait until they are scrolled near
	 * (`loading="lazy"`). Images above the fold should not wait, images below should not compete.
	 */
	eagerImages: number;
}

/**
 * Gives each `<img>` of a page's content that is served from `public/` its display `width` and
 * `height`, so the browser reserves its space before it arrives (no layout shift), and sets
 * `loading` and `decoding="async"`.
 *
 * Display size comes from the file: a PNG saved at 144 dpi (as `npm run diagrams` writes) is
 * drawn at twice its display size, so it is shown at half its pixels; an image with no density,
 * or 72 dpi, is shown at its pixel size. Runs before the base-path plugin, on the path as written.
 */
export function rehypeImageAttributes(options: ImageAttributesOptions) {
	return async function transformer(tree: Root) {
		const images: Element[] = [];
		visit(tree, 'element', (node: Element) => {
			if (node.tagName === 'img') images.push(node);
		});
		await Promise.all(
			images.map(async (image, index) => {
				image.properties.loading = index < options.eagerImages ? 'eager' : 'lazy';
				image.properties.decoding = 'async';
				const src = image.properties.src;
				if (typeof src !== 'string' || !isRootRelative(src)) return;
				if (image.properties.width !== undefined || image.properties.height !== undefined) return;
				const file = publicFilePath(options.publicDir, src);
				// A missing file is reported by remark-validate-images, with the lesson's line.
				if (!existsSync(file)) return;
				const size = await displaySize(file);
				if (!size) return;
				image.properties.width = size.width;
				image.properties.height = size.height;
			}),
		);
	};
}

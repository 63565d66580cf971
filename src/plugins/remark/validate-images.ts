import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import type { Image, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { isRootRelative, publicFilePath, urlEscapeProblem } from '../../public-file.ts';

/**
 * Stops the build on an image a learner would miss: a `/...` path with no file under `public/` (or
 * that names none, such as `/img/100%.png`), or an image without alt text. Astro serves `public/` as it is and never looks inside Markdown
 * URLs, so a mistyped path would otherwise ship as a broken image. `file.fail` makes Astro print
 * the lesson's file, line and column with the message.
 *
 * Relative paths (`./x.png`) are Astro's own: it imports them and fails on a missing file itself.
 */
export function remarkValidateImages(options: { publicDir: string }) {
	return function transformer(tree: Root, file: VFile) {
		visit(tree, (node) => {
			if (node.type === 'image') {
				const image = node as Image;
				check(image.url, image.alt ?? '', image, file, options.publicDir);
			} else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'img') {
				const element = node as MdxJsxFlowElement | MdxJsxTextElement;
				const attribute = (name: string) => element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
				const src = attribute('src');
				const alt = attribute('alt');
				// An expression (`src={image}`) is resolved at run time: nothing to check here.
				if (typeof src !== 'string' || (alt !== undefined && alt !== null && typeof alt !== 'string')) return;
				check(src, alt ?? '', element, file, options.publicDir);
			}
		});
	};
}

function check(url: string, alt: string, node: Node, file: VFile, publicDir: string) {
	if (alt.trim() === '') {
		file.fail(
			`Image ${url} has no alt text. Say what it shows, for learners who cannot see it: ![What the image shows](${url})`,
			node,
			'validate-images:alt',
		);
	}
	if (!isRootRelative(url)) return;
	const escapeProblem = urlEscapeProblem(url);
	if (escapeProblem) file.fail(`Image ${url}: ${escapeProblem}`, node, 'validate-images:escape');
	const onDisk = publicFilePath(publicDir, url);
	if (!existsSync(onDisk)) {
		file.fail(
			`Image ${url} not found: there is no ${relative(process.cwd(), onDisk) || onDisk}. Check the path, or add the file under public/.`,
			node,
			'validate-images:missing',
		);
	}
}

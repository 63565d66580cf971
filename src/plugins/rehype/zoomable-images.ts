import type { Element, ElementContent, Root } from 'hast';
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { componentPath, importComponent, isMdxFile } from '../remark/mdx-component.ts';

/** The component that brings the zoom's trigger script and styles, under a name authors will not use. */
const componentName = 'ImageZoomFromMarkdown';
const componentFile = componentPath('ImageZoom.astro');

/**
 * Makes each content image of an MDX page a button that opens it full screen (the ImageZoom
 * component's script does the opening). The button's accessible name is the image's alt text;
 * `aria-haspopup` tells screen-reader users that it opens a view. It is rendered disabled and
 * enabled by the script, so a learner without JavaScript never meets a button that does nothing.
 *
 * Images inside a link or button keep their own action. Plain `.md` pages cannot render the
 * component, so their images stay as they are. Runs after the responsive-images plugin, so the
 * button holds the whole `<picture>`.
 */
export function rehypeZoomableImages() {
	return function transformer(tree: Root, file: VFile) {
		if (!isMdxFile(file.path)) return;
		const targets: { node: Element; parent: Element | Root }[] = [];
		visitParents(tree, 'element', (node: Element, ancestors) => {
			const isImage = node.tagName === 'picture' || (node.tagName === 'img' && !isElement(ancestors.at(-1), 'picture'));
			if (!isImage) return;
			if (ancestors.some((a) => isElement(a, 'a') || isElement(a, 'button'))) return;
			targets.push({ node, parent: ancestors.at(-1) as Element | Root });
		});
		if (targets.length === 0) return;
		for (const { node, parent } of targets) {
			const button: Element = {
				type: 'element',
				tagName: 'button',
				properties: { className: ['zoomable'], disabled: true, ariaHasPopup: 'dialog' },
				children: [node],
			};
			parent.children[parent.children.indexOf(node)] = button as ElementContent;
		}
		importComponent(tree, componentName, componentFile);
		const component: MdxJsxFlowElementHast = { type: 'mdxJsxFlowElement', name: componentName, attributes: [], children: [] };
		(tree.children as ElementContent[]).push(component as unknown as ElementContent);
	};
}

function isElement(node: unknown, tagName: string): boolean {
	return typeof node === 'object' && node !== null && (node as Element).type === 'element' && (node as Element).tagName === tagName;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { builtSiteDir } from './paths.ts';

/** A page of the test build, parsed, for assertions on what a learner receives. */
export function readBuiltPage(route: string, siteDir = builtSiteDir) {
	const file = route.endsWith('.html') ? route : join(route, 'index.html');
	const html = readFileSync(join(siteDir, file), 'utf8');
	const tree: Root = fromHtml(html);
	return {
		html,
		tree,
		select: (selector: string, from: Root | Element = tree) => select(selector, from) ?? undefined,
		selectAll: (selector: string, from: Root | Element = tree) => selectAll(selector, from),
		text: (node: Root | Element) => toString(node),
	};
}

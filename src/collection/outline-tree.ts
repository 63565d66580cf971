import type { LessonHeading } from './lessons.ts';

export interface OutlineNode {
	heading: LessonHeading;
	children: OutlineNode[];
}

/**
 * Nests a page's headings (in document order) under the heading they belong to, keeping those from
 * `minDepth` to `maxDepth`. A heading deeper than the one before it by more than one level still
 * nests under it, so a skipped level never loses a section.
 */
export function outlineTree(headings: readonly LessonHeading[], minDepth: number, maxDepth: number): OutlineNode[] {
	const roots: OutlineNode[] = [];
	const open: OutlineNode[] = [];
	for (const heading of headings) {
		if (heading.depth < minDepth || heading.depth > maxDepth) continue;
		while (open.length > 0 && open.at(-1)!.heading.depth >= heading.depth) open.pop();
		const node = { heading, children: [] };
		(open.at(-1)?.children ?? roots).push(node);
		open.push(node);
	}
	return roots;
}

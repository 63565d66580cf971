import GithubSlugger from 'github-slugger';
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { pageData } from './page-data.ts';

/** What learners read under a heading that has nothing under it yet. */
export const comingSoonText = 'This section is coming soon.';

export interface EmptySection {
	/** 1-based line of the heading in the lesson file. */
	line: number;
	depth: number;
	text: string;
	/** The heading's id on the page (Astro's heading ids: github-slugger over every heading in order). */
	slug: string;
}

export interface EmptySectionsOptions {
	/** Told about each empty section, for the build log. */
	report?: (file: VFile, section: EmptySection) => void;
}

/** Blocks that give a reader nothing to read: a rule, an import, a comment. */
function isFiller(node: RootContent): boolean {
	if (node.type === 'thematicBreak' || node.type === 'mdxjsEsm') return true;
	if (node.type === 'html') return /^<!--[\s\S]*-->$/.test(node.value.trim());
	if (node.type === 'mdxFlowExpression') return /^\/\*[\s\S]*\*\/$/.test(node.value.trim());
	return false;
}

function comingSoon(): Paragraph {
	return {
		type: 'paragraph',
		// Out of the search index: it would match every empty section alike.
		data: { hProperties: { className: ['coming-soon'], dataPagefindIgnore: true } },
		children: [{ type: 'text', value: comingSoonText }],
	};
}

/**
 * Finds headings with nothing under them before the next heading of the same or a higher level,
 * and shows learners a short "This section is coming soon." there instead of an empty section.
 * Each one is reported (for the build log) and listed by heading id in the page's
 * `remarkPluginFrontmatter.emptySections`, so the course overview can mark it too. Written nowhere in
 * the lesson: it goes away by itself once the section has content.
 */
export function remarkEmptySections(options: EmptySectionsOptions = {}) {
	return function transformer(tree: Root, file: VFile) {
		const slugger = new GithubSlugger();
		const slugs = new Map<Heading, string>();
		visit(tree, 'heading', (heading) => {
			slugs.set(heading, slugger.slug(toString(heading)));
		});

		const empty: { index: number; section: EmptySection }[] = [];
		tree.children.forEach((node, index) => {
			if (node.type !== 'heading') return;
			const next = tree.children.slice(index + 1).find((sibling) => !isFiller(sibling));
			if (next && !(next.type === 'heading' && next.depth <= node.depth)) return;
			const section = { line: node.position?.start.line ?? 0, depth: node.depth, text: toString(node), slug: slugs.get(node)! };
			empty.push({ index, section });
		});

		for (const { index } of [...empty].reverse()) tree.children.splice(index + 1, 0, comingSoon());
		for (const { section } of empty) options.report?.(file, section);

		pageData(file).emptySections = empty.map(({ section }) => section.slug);
	};
}

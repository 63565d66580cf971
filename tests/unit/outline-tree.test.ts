import { describe, expect, it } from 'vitest';
import { outlineTree, type OutlineNode } from '../../src/collection/outline-tree.ts';

const heading = (depth: number, text: string) => ({ depth, text, slug: text.toLowerCase(), comingSoon: false });
const shape = (nodes: OutlineNode[]): unknown[] => nodes.map((node) => (node.children.length ? [node.heading.text, shape(node.children)] : node.heading.text));

describe('the outline of a lesson', () => {
	it('nests each heading under the last one of a higher level, within the levels asked for', () => {
		const headings = [heading(2, 'A'), heading(3, 'A1'), heading(4, 'A1a'), heading(5, 'too deep'), heading(3, 'A2'), heading(2, 'B'), heading(1, 'title')];
		expect(shape(outlineTree(headings, 2, 4))).toEqual([['A', [['A1', ['A1a']], 'A2']], 'B']);
	});

	it('keeps a section whose level skips one under the section before it', () => {
		expect(shape(outlineTree([heading(2, 'A'), heading(4, 'deep'), heading(3, 'A1')], 2, 4))).toEqual([['A', ['deep', 'A1']]]);
	});

	it('starts at the top when a lesson opens with a deeper heading', () => {
		expect(shape(outlineTree([heading(3, 'first'), heading(2, 'A')], 2, 4))).toEqual(['first', 'A']);
	});
});

import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { describe, expect, it } from 'vitest';
import { directiveError, runDirectivePlugins } from '../support/markdown-pipeline.ts';

const table = (rows: string[]) =>
	[':::comparison-table[Features managed by DevOps and by MLOps]', '| Feature | DevOps | MLOps |', '|---|---|---|', ...rows, ':::', ''].join('\n');

describe('comparison tables', () => {
	it('hands the component the caption, the headers and every row in order', () => {
		const { tree, output } = runDirectivePlugins(table(['| Code versioning | yes | yes |', '| Datasets | No | YES |']));
		const element = tree.children.find((node): node is MdxJsxFlowElement => node.type === 'mdxJsxFlowElement');
		expect(element?.name).toBe('ComparisonTableFromDirective');
		expect(output).toContain(
			'<ComparisonTableFromDirective caption="Features managed by DevOps and by MLOps" rowHeader="Feature" columns={["DevOps","MLOps"]} rows={[{"feature":"Code versioning","values":["yes","yes"]},{"feature":"Datasets","values":["no","yes"]}]} />',
		);
		expect(output).toMatch(/^import ComparisonTableFromDirective from ".*\/src\/components\/ComparisonTable\.astro"$/m);
	});

	it('leaves an ordinary table alone', () => {
		const markdown = '| a | b |\n|---|---|\n| 1 | 2 |\n';
		expect(runDirectivePlugins(markdown).output).toBe(runDirectivePlugins(markdown, { withoutPlugins: true }).output);
	});
});

describe('comparison tables with bad input', () => {
	it('stops at a row with too few values, at its line', () => {
		const error = directiveError(table(['| Code versioning | yes | yes |', '| Datasets | yes |']));
		expect(error?.line).toBe(5);
		expect(error?.message).toMatch(/row "Datasets" has 1 value\(s\), but the header has 2 column\(s\) \(DevOps, MLOps\)/);
	});

	it('stops at a row with too many values', () => {
		const error = directiveError(table(['| Datasets | yes | no | yes |']));
		expect(error?.line).toBe(4);
		expect(error?.message).toMatch(/has 3 value\(s\)/);
	});

	it.each([
		['an unknown value', '| Datasets | maybe | yes |', /column "DevOps": "maybe" is not a value\. Write one of: yes, no\./],
		['an emoji tick', '| Datasets | ✔️ | yes |', /"✔️" is not a value/],
		['an empty cell', '| Datasets |  | yes |', /an empty cell is not a value/],
		['a row without a feature', '|  | yes | yes |', /a row without a feature name/],
	])('stops at %s', (_, row, message) => {
		const error = directiveError(table([row]));
		expect(error?.message).toMatch(message);
		expect(error?.line).toBe(4);
	});

	it('stops at a table without a caption', () => {
		expect(directiveError(':::comparison-table\n| F | A |\n|---|---|\n| x | yes |\n:::\n')?.message).toMatch(/needs a caption/);
	});

	it('stops when the directive holds anything but one table', () => {
		expect(directiveError(':::comparison-table[Cap]\nJust text.\n:::\n')?.message).toMatch(/must hold one Markdown table/);
		expect(directiveError(':::comparison-table[Cap]\n| F | A |\n|---|---|\n| x | yes |\n\nMore.\n:::\n')?.message).toMatch(/must hold one Markdown table/);
	});

	it('stops at an attribute, which a table does not take', () => {
		expect(directiveError(':::comparison-table[Cap]{wide}\n| F | A |\n|---|---|\n| x | yes |\n:::\n')?.message).toBe(
			'Unknown attribute "wide" on ":::comparison-table". It takes none.',
		);
	});

	it('stops at a table with nothing to compare', () => {
		expect(directiveError(':::comparison-table[Cap]\n| Feature |\n|---|\n| x |\n:::\n')?.message).toMatch(/at least one column to compare/);
	});

	it('stops at a header without rows, and at a column without a name', () => {
		const noRows = directiveError(':::comparison-table[Cap]\n| Feature | DevOps |\n|---|---|\n:::\n');
		expect(noRows?.message).toMatch(/has a header but no rows/);
		expect(noRows?.line).toBe(2);
		const unnamed = directiveError(':::comparison-table[Cap]\n| Feature |  |\n|---|---|\n| x | yes |\n:::\n');
		expect(unnamed?.message).toMatch(/header cell 2 is empty: name every column/);
		expect(unnamed?.line).toBe(2);
	});
});

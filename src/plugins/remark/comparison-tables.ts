import type { Root, Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { comparisonValues, isComparisonValue, type ComparisonRow } from '../../components/comparison-values.ts';
import { comparisonTableDirective } from './container-directives.ts';
import { rejectAttributes } from './directive-attributes.ts';
import { splitDirectiveLabel } from './directive-label.ts';
import { componentPath, importComponent, mdxComponent, requireMdx } from './mdx-component.ts';

const componentName = 'ComparisonTableFromDirective';
const componentFile = componentPath('ComparisonTable.astro');

const where = `":::${comparisonTableDirective}"`;
const allowedValues = comparisonValues.join(', ');

function cellText(cell: TableCell | undefined): string {
	return cell ? toString(cell).trim() : '';
}

/** Reads the author's GFM table into the component's props, failing at the line of the first mistake. */
function readTable(table: Table, file: VFile) {
	const [header, ...rows] = table.children;
	const headings = header!.children.map(cellText);
	const [rowHeader, ...columns] = headings;
	if (columns.length === 0) {
		file.fail(`${where} needs a header row naming the feature column and at least one column to compare.`, header);
	}
	const blank = headings.findIndex((heading) => heading === '');
	if (blank !== -1) file.fail(`${where} header cell ${blank + 1} is empty: name every column.`, header);
	if (rows.length === 0) file.fail(`${where} has a header but no rows.`, table);
	const read: ComparisonRow[] = rows.map((row) => {
		const feature = cellText(row.children[0]);
		if (feature === '') file.fail(`${where} has a row without a feature name in its first cell.`, row);
		const values = row.children.slice(1);
		if (values.length !== columns.length) {
			file.fail(
				`${where} row "${feature}" has ${values.length} value(s), but the header has ${columns.length} column(s) (${columns.join(', ')}).`,
				row,
			);
		}
		return {
			feature,
			values: values.map((cell, at) => {
				const value = cellText(cell).toLowerCase();
				if (!isComparisonValue(value)) {
					const found = value === '' ? 'an empty cell' : `"${cellText(cell)}"`;
					file.fail(`${where} row "${feature}", column "${columns[at]}": ${found} is not a value. Write one of: ${allowedValues}.`, cell);
				}
				return value;
			}),
		};
	});
	return { rowHeader: rowHeader!, columns, rows: read };
}

/**
 * Turns `:::comparison-table[Caption]` around a GFM table of `yes`/`no` values into the
 * ComparisonTable component, so that authors write an ordinary Markdown table and learners get a
 * captioned table with row headers and values that screen readers read out. A malformed table
 * fails the build at the row or cell at fault.
 */
export function remarkComparisonTables() {
	return function transformer(tree: Root, file: VFile) {
		let used = false;
		visit(tree, 'containerDirective', (node, index, parent) => {
			if (node.name !== comparisonTableDirective || !parent || index === undefined) return;
			requireMdx(file, node, where);
			rejectAttributes(node, file);
			const { label, body } = splitDirectiveLabel(node);
			if (label === undefined) {
				file.fail(`${where} needs a caption saying what the table compares, for example ${where.slice(1, -1)}[DevOps and MLOps compared].`, node);
			}
			const [table, ...rest] = body;
			if (table?.type !== 'table' || rest.length > 0) {
				file.fail(`${where} must hold one Markdown table and nothing else (a header row, then one row per feature).`, node);
			}
			parent.children[index] = mdxComponent(componentName, { caption: label, ...readTable(table, file) }, [], node);
			used = true;
		});
		if (used) importComponent(tree, componentName, componentFile);
	};
}

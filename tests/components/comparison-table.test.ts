import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import ComparisonTable from '../../src/components/ComparisonTable.astro';
import { accessibleText } from '../support/accessible-text.ts';

const props = {
	caption: 'Features managed by DevOps and by MLOps',
	rowHeader: 'Feature',
	columns: ['DevOps', 'MLOps'],
	rows: [
		{ feature: 'Code versioning', values: ['yes', 'yes'] },
		{ feature: 'Datasets', values: ['no', 'yes'] },
	],
};

let container: AstroContainer;
beforeAll(async () => {
	container = await AstroContainer.create();
});

async function render(input: Record<string, unknown>) {
	return fromHtml(await container.renderToString(ComparisonTable, { props: input }), { fragment: true });
}

describe('ComparisonTable', () => {
	it('has a caption, column headers and a row header for each feature', async () => {
		const tree = await render(props);
		expect(toString(select('table > caption', tree)!)).toBe(props.caption);
		const columns = selectAll('thead th', tree);
		expect(columns.map((th) => th.properties.scope)).toEqual(['col', 'col', 'col']);
		expect(columns.map((th) => toString(th))).toEqual(['Feature', 'DevOps', 'MLOps']);
		const rowHeaders = selectAll('tbody tr > th', tree);
		expect(rowHeaders.map((th) => th.properties.scope)).toEqual(['row', 'row']);
		expect(rowHeaders.map((th) => toString(th))).toEqual(['Code versioning', 'Datasets']);
	});

	it('says Yes or No in every cell, and shows a different mark for each', async () => {
		const tree = await render(props);
		const cells = selectAll('tbody td', tree);
		expect(cells.map(accessibleText)).toEqual(['Yes', 'Yes', 'No', 'Yes']);
		const marks = cells.map((cell) => select('svg', cell)!);
		for (const mark of marks) expect(mark.properties.ariaHidden).toBe('true');
		const shape = (mark: Element) => selectAll('path', mark).map((path) => String(path.properties.d)).join(' ');
		expect(shape(marks[2]!)).not.toBe(shape(marks[0]!));
		expect(shape(marks[1]!)).toBe(shape(marks[0]!));
	});

	it('styles its own table, outside Starlight content styles', async () => {
		const tree = await render(props);
		expect(select('.not-content table', tree)).toBeDefined();
	});
});

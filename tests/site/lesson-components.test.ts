import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readBuiltPage } from '../support/built-page.ts';
import { normalizeText } from '../support/lesson-source.ts';
import { lessonSource } from '../support/paths.ts';

const page = readBuiltPage('lessons/automate-deployment');
const content = page.select('.sl-markdown-content')!;
const frontmatter = parse(readFileSync(lessonSource, 'utf8').split(/^---$/m)[1]!) as { domain: { number: number; title: string } };

/** The lesson's original comparison: DevOps covers the first four features, MLOps all nine. */
const features = [
	'Code versioning',
	'Compute environment',
	'CI/CD',
	'Monitoring in production',
	'Data provenance',
	'Datasets',
	'Models',
	'Model building with workflows',
	'Model deployment with workflows',
];

/** A cell as a screen reader reads it: without what is aria-hidden. */
function accessibleText(node: Element): string {
	const visible = (element: Element): string =>
		element.children
			.map((child) => {
				if (child.type === 'text') return child.value;
				if (child.type === 'element' && child.properties.ariaHidden !== 'true') return visible(child);
				return '';
			})
			.join('');
	return normalizeText(visible(node));
}

describe('the lesson opening', () => {
	it('shows the exam domain as a labelled region, before the first section', () => {
		const first = content.children.find((child): child is Element => child.type === 'element')!;
		expect(first.tagName).toBe('aside');
		expect(first.properties.className).toContain('course-aside--exam-domain');
		const labelId = (first.properties.ariaLabelledBy as string[])[0]!;
		const label = page.select(`[id="${labelId}"]`, first)!;
		expect(normalizeText(page.text(label))).toBe(`Domain ${frontmatter.domain.number}: ${frontmatter.domain.title}`);
	});
});

describe('the DevOps and MLOps comparison', () => {
	const table = page.select('table', content)!;

	it('has a caption and column headers', () => {
		expect(normalizeText(page.text(page.select('caption', table)!)).length).toBeGreaterThan(10);
		const headers = page.selectAll('thead th', table);
		expect(headers.map((th) => th.properties.scope)).toEqual(['col', 'col', 'col']);
		expect(headers.map((th) => normalizeText(page.text(th)))).toEqual(['Feature', 'DevOps', 'MLOps']);
	});

	it('keeps the nine features in order, each a row header', () => {
		const rowHeaders = page.selectAll('tbody tr > th', table);
		expect(rowHeaders.every((th) => th.properties.scope === 'row')).toBe(true);
		expect(rowHeaders.map((th) => normalizeText(page.text(th)))).toEqual(features);
	});

	it('says Yes or No in every cell: DevOps for the first four features, MLOps for all', () => {
		const rows = page.selectAll('tbody tr', table).map((row) => page.selectAll('td', row).map(accessibleText));
		expect(rows).toEqual(features.map((_, at) => [at < 4 ? 'Yes' : 'No', 'Yes']));
	});

	it('shows a mark in every cell and hides it from screen readers', () => {
		for (const cell of page.selectAll('tbody td', table)) {
			const mark = page.select('svg', cell);
			expect(mark?.properties.ariaHidden).toBe('true');
		}
		expect(page.text(table)).not.toMatch(/[\u2713\u2714\u2705]/);
	});
});

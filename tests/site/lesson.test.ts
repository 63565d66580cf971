import { describe, expect, it } from 'vitest';
import { readBuiltPage } from '../support/built-page.ts';
import { normalizeText, readLessonSource } from '../support/lesson-source.ts';
import { lessonSource } from '../support/paths.ts';

const source = readLessonSource(lessonSource);
const page = readBuiltPage('lessons/automate-deployment');
const content = page.select('.sl-markdown-content');
const contentText = content ? normalizeText(page.text(content)) : '';

describe('the built lesson', () => {
	it('has its title and the lesson body', () => {
		expect(normalizeText(page.text(page.select('h1')!))).toBe('Automate Deployment');
		expect(content).toBeDefined();
	});

	it('renders every heading of the source, in order and at its level', () => {
		const rendered = page
			.selectAll('h2, h3, h4, h5, h6', content)
			.map((h) => ({ depth: Number(h.tagName[1]), text: normalizeText(page.text(h)) }));
		expect(source.headings.length).toBeGreaterThan(10);
		expect(rendered).toEqual(source.headings);
	});

	it('renders every paragraph of the source, in order', () => {
		expect(source.paragraphs.length).toBeGreaterThan(10);
		let from = 0;
		for (const paragraph of source.paragraphs) {
			const at = contentText.indexOf(paragraph, from);
			expect(at, `paragraph missing or out of order: "${paragraph}"`).toBeGreaterThanOrEqual(0);
			from = at + paragraph.length;
		}
	});

	it('renders every list item of the source as a list item', () => {
		const items = page.selectAll('li', content).map((li) => normalizeText(page.text(li)));
		for (const item of source.listItems) {
			expect(
				items.some((text) => text.startsWith(item)),
				`list item missing: "${item}"`,
			).toBe(true);
		}
	});

	it('keeps the six external links with their exact addresses and words', () => {
		const external = source.links.filter((link) => /^https?:\/\//.test(link.url));
		expect(external).toHaveLength(6);
		for (const link of external) {
			const anchors = page.selectAll(`a[href="${link.url}"]`, content);
			expect(anchors.map((a) => normalizeText(page.text(a))), link.url).toContain(link.text);
		}
	});

	it('shows the comparison of ML workflow and DevOps with its nine features', () => {
		const rows = page.selectAll('table tbody tr', content);
		expect(rows).toHaveLength(9);
	});
});

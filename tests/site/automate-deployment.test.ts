import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { readBuiltPage } from '../support/built-page.ts';
import { normalizeText, readKnowledgeChecks, readLessonSource } from '../support/lesson-source.ts';
import { lessonSource } from '../support/paths.ts';

/**
 * The content of the course's first lesson, "Automate Deployment", checked on purpose: its links to
 * AWS, its comparison of DevOps and MLOps, its diagrams and its knowledge checks. What every lesson
 * must do is checked in lessons.test.ts.
 */
const page = readBuiltPage('lessons/automate-deployment');
const content = page.select('.sl-markdown-content')!;
const source = readLessonSource(lessonSource);
const text = (node: Element | undefined) => (node ? normalizeText(page.text(node)) : '');

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

describe('the lesson Automate Deployment', () => {
	it('keeps its six links to AWS documentation', () => {
		expect(source.links.filter((link) => /^https:\/\//.test(link.url))).toHaveLength(6);
	});

	it('shows its four diagrams, each described for learners who cannot see it', () => {
		const images = page.selectAll('img', content);
		expect(images.map((img) => String(img.properties.src))).toEqual(['/img/ci-cd.png', '/img/teams.png', '/img/data-model.png', '/img/non-func-reqs.png']);
		// Longer than a title: the source's "Ci/CD" or "Non Func Reqs" told a blind learner nothing.
		for (const img of images) expect(String(img.properties.alt).length).toBeGreaterThan(80);
	});

	it('marks its three sections without content as coming soon', () => {
		const soon = page.selectAll('.coming-soon', content);
		expect(soon).toHaveLength(3);
	});
});

describe('its comparison of DevOps and MLOps', () => {
	const table = page.select('table', content)!;
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

	it('has a caption, column headers and the nine features as row headers', () => {
		expect(text(page.select('caption', table)).length).toBeGreaterThan(10);
		const headers = page.selectAll('thead th', table);
		expect(headers.map((th) => th.properties.scope)).toEqual(['col', 'col', 'col']);
		expect(headers.map((th) => text(th))).toEqual(['Feature', 'DevOps', 'MLOps']);
		const rowHeaders = page.selectAll('tbody tr > th', table);
		expect(rowHeaders.every((th) => th.properties.scope === 'row')).toBe(true);
		expect(rowHeaders.map((th) => text(th))).toEqual(features);
	});

	it('says Yes or No in every cell, DevOps for the first four features, MLOps for all, marks hidden from screen readers', () => {
		const rows = page.selectAll('tbody tr', table).map((row) => page.selectAll('td', row).map(accessibleText));
		expect(rows).toEqual(features.map((_, at) => [at < 4 ? 'Yes' : 'No', 'Yes']));
		for (const cell of page.selectAll('tbody td', table)) expect(page.select('svg', cell)?.properties.ariaHidden).toBe('true');
		expect(page.text(table)).not.toMatch(/[\u2713\u2714\u2705]/);
	});
});

describe('its knowledge checks', () => {
	const checks = readKnowledgeChecks(lessonSource);
	const rendered = page.selectAll('knowledge-check', content);

	it('sit under their own heading, after the parts they test and before the sections to come', () => {
		const headings = source.headings.map((heading) => heading.text);
		const at = headings.indexOf('Knowledge check');
		expect(source.headings[at]?.depth).toBe(2);
		expect(headings.slice(at - 1, at + 2)).toEqual(['SageMaker Projects', 'Knowledge check', 'AWS Software Release Process']);
	});

	it('ask one question for each part: teams, data and ML code, nonfunctional requirements, DevOps, tests', () => {
		expect(checks).toHaveLength(5);
		expect(rendered).toHaveLength(5);
	});

	it('render every question, option and explanation of the source', () => {
		checks.forEach((check, index) => {
			const element = rendered[index]!;
			expect(text(page.select('fieldset > legend', element))).toBe(check.question);
			expect(page.selectAll('fieldset label', element).map((label) => text(label))).toEqual(check.options.map((option) => option.text));
			const type = check.options.filter((option) => option.correct).length > 1 ? 'checkbox' : 'radio';
			expect(page.selectAll('fieldset input', element).map((input) => input.properties.type)).toEqual(check.options.map(() => type));
			const key = page.selectAll('details .kc-key > li', element);
			check.options.forEach((option, i) => {
				expect(key[i]?.properties.dataCorrect).toBe(String(option.correct));
				expect(text(page.select('.kc-key-explanation', key[i]!))).toBe(option.explanation);
			});
			if (check.explanation) expect(text(page.select('details > .kc-key-explanation', element))).toBe(check.explanation);
		});
	});

	it('quote the lesson word for word in every explanation', () => {
		const authorText = normalizeText([...source.paragraphs, ...source.listItems].join(' '));
		for (const check of checks) {
			const explanations = [check.explanation, ...check.options.map((option) => option.explanation)].filter(Boolean);
			for (const explanation of explanations) {
				const quotes = [...explanation.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
				expect(quotes.length, explanation).toBeGreaterThan(0);
				for (const quote of quotes) expect(authorText, `not in the lesson: "${quote}"`).toContain(quote);
			}
		}
	});
});

import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { accessibleText } from '../support/accessible-text.ts';
import { readBuiltPage } from '../support/built-page.ts';
import { normalizeText, readKnowledgeChecks, readLessonSource } from '../support/lesson-source.ts';
import { lessonSource } from '../support/paths.ts';

/**
 * The content of the course's first lesson, "Automate Deployment", checked on purpose: its links to
 * AWS, its comparison of DevOps and MLOps, its diagrams and its knowledge checks. What every lesson
 * must do (every heading, paragraph, link and knowledge check of its source rendered) is checked in
 * lessons.test.ts.
 */
const page = readBuiltPage('lessons/automate-deployment');
const content = page.select('.sl-markdown-content')!;
const source = readLessonSource(lessonSource);
const text = (node: Element | undefined) => (node ? normalizeText(page.text(node)) : '');

describe('the lesson Automate Deployment', () => {
	it('links to its six pages of AWS documentation and blogs', () => {
		const external = page.selectAll('a[href^="https://"]', content).map((a) => new URL(String(a.properties.href)).hostname);
		expect(external).toEqual(['docs.aws.amazon.com', 'docs.aws.amazon.com', 'docs.aws.amazon.com', 'docs.aws.amazon.com', 'docs.aws.amazon.com', 'aws.amazon.com']);
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

	// The table's structure (scopes, hidden marks) is the component's, tested in tests/components.
	it('compares the nine features, DevOps having the first four and MLOps all of them', () => {
		expect(text(page.select('caption', table)).length).toBeGreaterThan(10);
		expect(page.selectAll('thead th', table).map((th) => text(th))).toEqual(['Feature', 'DevOps', 'MLOps']);
		expect(page.selectAll('tbody tr > th', table).map((th) => text(th))).toEqual(features);
		const rows = page.selectAll('tbody tr', table).map((row) => page.selectAll('td', row).map(accessibleText));
		expect(rows).toEqual(features.map((_, at) => [at < 4 ? 'Yes' : 'No', 'Yes']));
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

import { describe, expect, it } from 'vitest';
import { readBuiltPage } from '../support/built-page.ts';
import { normalizeText, readKnowledgeChecks, readLessonSource } from '../support/lesson-source.ts';
import { lessonSource } from '../support/paths.ts';

const checks = readKnowledgeChecks(lessonSource);
const lesson = readLessonSource(lessonSource);
const page = readBuiltPage('lessons/automate-deployment');
const rendered = page.selectAll('.sl-markdown-content knowledge-check');
const text = (node: Parameters<typeof page.text>[0] | undefined) => (node ? normalizeText(page.text(node)) : '');

describe('the knowledge check of the lesson', () => {
	it('sits under its own heading, after the parts it tests and before the empty headings that follow', () => {
		const headings = lesson.headings.map((heading) => heading.text);
		const at = headings.indexOf('Knowledge check');
		expect(lesson.headings[at]?.depth).toBe(2);
		expect(headings.slice(at - 1, at + 2)).toEqual(['SageMaker Projects', 'Knowledge check', 'AWS Software Release Process']);
	});

	it('asks one question for each part: teams, data and ML code, nonfunctional requirements, DevOps, tests', () => {
		expect(checks).toHaveLength(5);
		expect(rendered).toHaveLength(5);
	});

	it('renders every question, option and explanation of the source', () => {
		checks.forEach((check, index) => {
			const element = rendered[index]!;
			expect(text(page.select('fieldset > legend', element))).toBe(check.question);
			const labels = page.selectAll('fieldset label', element).map((label) => text(label));
			expect(labels).toEqual(check.options.map((option) => option.text));
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

	it('quotes the lesson word for word in every explanation', () => {
		const authorText = normalizeText([...lesson.paragraphs, ...lesson.listItems].join(' '));
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

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuiltPage } from '../support/built-page.ts';
import { buildFixtureSite } from '../support/fixture-site.ts';
import { normalizeText } from '../support/lesson-source.ts';

const frontmatter = '---\ntitle: Fixture\n---\n\n';

describe('directives a maintainer writes', () => {
	it('stops the build at an unknown directive, with the file, the line and the allowed names', async () => {
		const result = await buildFixtureSite('unknown-directive', {
			'src/content/docs/lessons/typo.mdx': `${frontmatter}Intro.\n\n:::exam-tipp\nRead every option.\n:::\n`,
		});
		expect(result.code).not.toBe(0);
		expect(result.output).toMatch(/lessons\/typo\.mdx:7/);
		expect(result.output).toContain('Unknown directive ":::exam-tipp"');
		expect(result.output).toMatch(/note, tip, caution, danger, exam-domain, learning-objective, exam-tip/);
	});

	it('stops the build at a malformed comparison table, with the file and the row', async () => {
		const table = [
			':::comparison-table[Features]',
			'| Feature | DevOps | MLOps |',
			'|---|---|---|',
			'| Datasets | no | yes |',
			'| Models | yes |',
			':::',
		].join('\n');
		const result = await buildFixtureSite('malformed-table', {
			'src/content/docs/lessons/table.mdx': `${frontmatter}${table}\n`,
		});
		expect(result.code).not.toBe(0);
		expect(result.output).toMatch(/lessons\/table\.mdx:9/);
		expect(result.output).toContain('row "Models" has 1 value(s), but the header has 2 column(s)');
	});

	it('renders every aside, and leaves text that only looks like a directive as written', async () => {
		const page = [
			':::learning-objective',
			'Explain why ML needs CI/CD.',
			':::',
			'',
			':::exam-tip[Watch the wording]',
			'Read every option.',
			':::',
			'',
			':::caution[Mind the cost]',
			'Endpoints bill by the hour.',
			':::',
			'',
			'A ratio of 16:9, Note:Important, at 10:30am, at re:Invent, see https://example.com/a:b.',
		].join('\n');
		const result = await buildFixtureSite('every-aside', { 'src/content/docs/lessons/asides.mdx': `${frontmatter}${page}\n` });
		expect(result.code, result.output).toBe(0);
		const built = readBuiltPage('lessons/asides', join(result.root, 'dist'));
		const labels = built.selectAll('.sl-markdown-content aside').map((aside) => {
			const labelledBy = aside.properties.ariaLabelledBy as string[] | undefined;
			if (!labelledBy) return String(aside.properties.ariaLabel);
			return normalizeText(built.text(built.select(`[id="${labelledBy[0]}"]`)!));
		});
		expect(labels).toEqual(['Learning objective', 'Watch the wording', 'Mind the cost']);
		const text = normalizeText(built.text(built.select('.sl-markdown-content')!));
		expect(text).toContain('A ratio of 16:9, Note:Important, at 10:30am, at re:Invent, see https://example.com/a:b.');
	});
});

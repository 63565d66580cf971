import { describe, expect, it } from 'vitest';
import { buildFixtureSite } from '../support/fixture-site.ts';

describe('a lesson with a broken knowledge check', () => {
	it('stops the build and names the file and the line', async () => {
		const lesson = [
			'---',
			'title: Quiz',
			'---',
			'',
			'Text.',
			'',
			':::knowledge-check[Which team deploys models?]',
			'- [ ] Data engineers',
			'  They process data.',
			'- [ ] ML engineers',
			'  They deploy models.',
			':::',
			'',
		].join('\n');
		const result = await buildFixtureSite('broken-knowledge-check', { 'src/content/docs/lessons/quiz.mdx': lesson });
		expect(result.code).not.toBe(0);
		expect(result.output).toMatch(/lessons\/quiz\.mdx:8(:\d+)?/);
		expect(result.output).toContain('no right answer');
	});
});

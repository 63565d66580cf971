import { describe, expect, it } from 'vitest';
import { buildFixtureSite } from '../support/fixture-site.ts';

describe('a lesson with broken frontmatter', () => {
	it('stops the build and names the file and the field', async () => {
		const result = await buildFixtureSite('broken-frontmatter', {
			'src/content/docs/lessons/broken.mdx': '---\ntitle: Broken\ndomain:\n  number: three\n  title: Deployment\n---\n\nText.\n',
		});
		expect(result.code).not.toBe(0);
		expect(result.output).toContain('lessons/broken.mdx');
		expect(result.output).toMatch(/domain\.number/);
	});

	it('rejects a misspelt course field instead of dropping it', async () => {
		const result = await buildFixtureSite('misspelt-frontmatter', {
			'src/content/docs/lessons/typo.mdx': '---\ntitle: Typo\ndomian:\n  number: 3\n  title: Deployment\n---\n\nText.\n',
		});
		expect(result.code).not.toBe(0);
		expect(result.output).toContain('lessons/typo.mdx');
		expect(result.output).toContain('domian');
	});
});

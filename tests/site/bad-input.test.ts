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

describe('a lesson with a broken image', () => {
	const lesson = (image: string) => `---\ntitle: Images\n---\n\nText.\n\n${image}\n`;

	it('stops the build when the image file does not exist, naming the file, the line and the path', async () => {
		const result = await buildFixtureSite('missing-image', {
			'src/content/docs/lessons/images.mdx': lesson('![A diagram of the pipeline](/img/x.png)'),
		});
		expect(result.code).not.toBe(0);
		expect(result.output).toMatch(/lessons\/images\.mdx:7/);
		expect(result.output).toContain('/img/x.png');
		expect(result.output).toContain('not found');
	});

	it('stops the build when an image has no alt text', async () => {
		const result = await buildFixtureSite('image-without-alt', {
			'src/content/docs/lessons/images.mdx': lesson('![](/img/teams.png)'),
		});
		expect(result.code).not.toBe(0);
		expect(result.output).toMatch(/lessons\/images\.mdx:7/);
		expect(result.output).toContain('no alt text');
	});
});

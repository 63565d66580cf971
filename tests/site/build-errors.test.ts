import { describe, expect, it } from 'vitest';
import { buildFixtureSite } from '../support/fixture-site.ts';

/**
 * What a maintainer sees when a lesson stops the build, for each way the project's own code hands
 * an error to Astro: the lessons loader, the hints for MDX slips (a Vite hook), and the end of the
 * internal-link check. Each mistake, message and line is tested on the code itself in tests/unit;
 * these prove that the build stops and prints them with the file, the line and the fix.
 *
 * Not here, on purpose: a remark plugin's `file.fail` reaches the output through Astro's MDX plugin,
 * the way an MDX parse error does (the MDX slip below), and its line is the one the unit tests
 * assert; two files at one address stop the lessons loader like a frontmatter mistake, and
 * tests/unit/lessons-loader.test.ts runs that case through Starlight's and Astro's loaders.
 */
const lesson = (title: string, body: string) => `---\ntitle: ${title}\n---\n\nIntro.\n\n${body}\n`;

describe.concurrent('a build that stops', () => {
	it('at frontmatter mistakes: every file at once, each key at its line, with the key that was meant', async () => {
		const result = await buildFixtureSite('frontmatter-mistakes', {
			'src/content/docs/lessons/typo.mdx': '---\ntitle: Typo\ndomian:\n  number: 3\n  title: Deployment\n---\n\nText.\n',
			'src/content/docs/lessons/wrong-type.mdx': '---\ntitle: Wrong type\ndomain:\n  number: three\n  title: Deployment\n---\n\nText.\n',
			'src/content/docs/lessons/nested.mdx': '---\ntitle: Nested\nsidebar:\n  ordre: 2\n---\n\nText.\n',
		});
		expect(result.code).not.toBe(0);
		expect(result.output).toContain("[LessonFrontmatterError] The lessons' frontmatter has 3 mistakes");
		expect(result.output).toContain('src/content/docs/lessons/typo.mdx:3:1\n  Unknown key "domian". Did you mean "domain"?');
		expect(result.output).toContain('src/content/docs/lessons/wrong-type.mdx:4:11\n  "domain.number" should be a number, but it is the text "three".');
		expect(result.output).toContain('src/content/docs/lessons/nested.mdx:4:3\n  Unknown key "ordre" in "sidebar". Did you mean "order"?');
		expect(result.output).toContain('docs/authoring.md (section "Frontmatter")');
		expect(result.output).not.toContain('**');
		expect(result.output).not.toMatch(/:0:0/);
	});

	it('at an MDX slip: the line, and how to write it', async () => {
		const result = await buildFixtureSite('mdx-slip', {
			'src/content/docs/lessons/slip.mdx': lesson('Slip', '<img src="/img/teams.png" alt="The three teams">'),
		});
		expect(result.code).not.toBe(0);
		expect(result.output).toContain('Expected a closing tag for `<img>`');
		expect(result.output).toMatch(/src\/content\/docs\/lessons\/slip\.mdx:7:1/);
		expect(result.output).toContain('Write <img … /> (self-closing)');
	});

	it('at a broken internal link: the file, the line and the link, and no talk of a bug', async () => {
		const result = await buildFixtureSite('broken-link', {
			'src/content/docs/lessons/links.mdx': lesson('Links', 'See [the other lesson](/lessons/no-such-lesson/).'),
		});
		expect(result.code).not.toBe(0);
		expect(result.output).toContain('lessons/links.mdx');
		expect(result.output).toContain('/lessons/no-such-lesson/');
		expect(result.output).toContain('invalid link');
		expect(result.output).toContain('Broken internal links: the report above names each file, line and link.');
		expect(result.output).not.toContain('file an issue');
		expect(result.output).not.toContain('unhandled error');
	});
});

import { describe, expect, it } from 'vitest';
import { buildFixtureSite } from '../support/fixture-site.ts';

/**
 * What a maintainer sees when a lesson breaks the build: one fixture build for each way an error
 * reaches the output (a Markdown plugin, the frontmatter, two files at one address, MDX syntax, a
 * broken internal link). Each kind of mistake, message and line is tested on the plugins themselves
 * in tests/unit; these prove the build stops and prints the file, the line and the fix.
 */
const lesson = (title: string, body: string) => `---\ntitle: ${title}\n---\n\nIntro.\n\n${body}\n`;

describe.concurrent('a build that stops', () => {
	it('at a directive never closed: the file, the line and the closing line to write', async () => {
		const result = await buildFixtureSite('unclosed-directive', {
			'src/content/docs/lessons/unclosed.mdx': lesson('Unclosed', ':::note\nA note without its closing line.\n\n## Later section\n\nText.'),
		});
		expect(result.code).not.toBe(0);
		expect(result.output).toMatch(/src\/content\/docs\/lessons\/unclosed\.mdx:7:1/);
		expect(result.output).toContain('":::note" on line 7 is never closed');
		expect(result.output).toContain('Write a line with ":::" where its text ends');
	});

	it('at frontmatter mistakes: every file at once, each key at its line, with the key that was meant', async () => {
		const result = await buildFixtureSite('frontmatter-mistakes', {
			'src/content/docs/lessons/typo.mdx': '---\ntitle: Typo\ndomian:\n  number: 3\n  title: Deployment\n---\n\nText.\n',
			'src/content/docs/lessons/wrong-type.mdx': '---\ntitle: Wrong type\ndomain:\n  number: three\n  title: Deployment\n---\n\nText.\n',
			'src/content/docs/lessons/nested.mdx': '---\ntitle: Nested\nsidebar:\n  ordre: 2\n---\n\nText.\n',
		});
		expect(result.code).not.toBe(0);
		expect(result.output).toContain("The lessons' frontmatter has 3 mistakes");
		expect(result.output).toContain('src/content/docs/lessons/typo.mdx:3:1\n  Unknown key "domian". Did you mean "domain"?');
		expect(result.output).toContain('src/content/docs/lessons/wrong-type.mdx:4:11\n  "domain.number" should be a number, but it is the text "three".');
		expect(result.output).toContain('src/content/docs/lessons/nested.mdx:4:3\n  Unknown key "ordre" in "sidebar". Did you mean "order"?');
		expect(result.output).not.toContain('**');
		expect(result.output).not.toMatch(/:0:0/);
	});

	it('at two files that would publish one page, naming both', async () => {
		const result = await buildFixtureSite('same-address', {
			'src/content/docs/lessons/retraining-models.mdx': lesson('Retraining', 'One.'),
			'src/content/docs/lessons/retraining-models/index.mdx': lesson('Retraining again', 'Two.'),
		});
		expect(result.code).not.toBe(0);
		expect(result.output).toContain('Two files would publish the page /lessons/retraining-models/');
		expect(result.output).toContain('src/content/docs/lessons/retraining-models.mdx:1:1');
		expect(result.output).toContain('src/content/docs/lessons/retraining-models/index.mdx:1:1');
		expect(result.output).toContain('give one of them its own `slug:`');
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

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findExternalLinks, InputError } from '../../../src/link-check/find-links.ts';

const dir = mkdtempSync(join(tmpdir(), 'find-links-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text: string) {
	mkdirSync(join(dir, path, '..'), { recursive: true });
	writeFileSync(join(dir, path), text);
}

/** Every URL found in one file, each with the lines it is used on. */
function linesOf(path: string): Record<string, number[]> {
	return Object.fromEntries([...findExternalLinks([path], dir)].map(([url, sources]) => [url, sources.map((source) => source.line)]));
}

write(
	'docs/one.mdx',
	[
		'---',
		'title: One',
		'---',
		'',
		'Read [the guide](https://example.org/guide#setup) and [a page](/lessons/two/).',
		'',
		'<a href="https://example.org/jsx">JSX link</a>',
		'',
		':::note',
		'Inside an aside: https://example.org/literal',
		':::',
		'',
		'[ref]: https://example.org/reference',
		'',
		'Mail [me](mailto:someone@example.org).',
	].join('\n'),
);
write('docs/nested/two.md', 'Intro.\n\nAgain [the guide](https://example.org/guide#setup), also http://example.org/bare.\n\nAn autolink: <https://example.org/autolink>.\n');
write('docs/notes.txt', 'https://example.org/not-a-lesson\n');

describe('findExternalLinks', () => {
	const links = findExternalLinks(['docs'], dir);

	it('finds Markdown, JSX, autolink, bare and reference links with their file and line', () => {
		expect(Object.fromEntries(links)).toEqual({
			'https://example.org/guide#setup': [
				{ file: 'docs/nested/two.md', line: 3 },
				{ file: 'docs/one.mdx', line: 5 },
			],
			'https://example.org/jsx': [{ file: 'docs/one.mdx', line: 7 }],
			'https://example.org/literal': [{ file: 'docs/one.mdx', line: 10 }],
			'https://example.org/reference': [{ file: 'docs/one.mdx', line: 13 }],
			'http://example.org/bare': [{ file: 'docs/nested/two.md', line: 3 }],
			'https://example.org/autolink': [{ file: 'docs/nested/two.md', line: 5 }],
		});
	});

	it('reads a single file given by name', () => {
		expect([...findExternalLinks(['docs/nested/two.md'], dir).keys()]).toEqual([
			'https://example.org/guide#setup',
			'http://example.org/bare',
			'https://example.org/autolink',
		]);
	});

	it('refuses a path that does not exist, a file that is not a lesson and MDX that does not parse', () => {
		expect(() => findExternalLinks(['docs/missing.mdx'], dir)).toThrow(InputError);
		expect(() => findExternalLinks(['docs/notes.txt'], dir)).toThrow(/not a lesson file/);
		write('bad/broken.mdx', 'Text <div\n');
		expect(() => findExternalLinks(['bad'], dir)).toThrow(/broken\.mdx/);
	});
});

describe('every link a lesson can hold', () => {
	it('finds external images, Markdown and reference-style', () => {
		write(
			'forms/images.md',
			['![A diagram](https://img.example/diagram.png)', '', '![Another][fig]', '', '[fig]: https://img.example/figure.svg "Figure"'].join('\n'),
		);
		expect(linesOf('forms/images.md')).toEqual({
			'https://img.example/diagram.png': [1],
			'https://img.example/figure.svg': [5],
		});
	});

	it('finds href, src, srcset, poster and any other address in raw HTML of a .md file, on the line of each attribute', () => {
		write(
			'forms/raw.md',
			[
				'# Raw HTML', // 1
				'',
				'<div class="figure">', // 3
				'<a',
				'  class="x"',
				'  href="https://html.example/block-link">the link</a>', // 6
				'<img src="https://html.example/photo.png"', // 7
				'     srcset="https://html.example/photo-2x.png 2x, https://html.example/photo-3x.png 3x" alt="">', // 8
				'<video poster="https://html.example/poster.jpg"><source src="https://html.example/clip.mp4"></video>', // 9
				'</div>',
				'',
				'Text with an inline <a href="https://html.example/inline?a=1&amp;b=2">link</a>.', // 12
				'',
				'<!-- <a href="https://html.example/in-comment">hidden</a> -->', // 14
				'',
				'<p>Text in raw HTML is not a link: https://html.example/plain-text</p>', // 16
				'',
				'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="https://html.example/sprite.svg#icon"/></svg>', // 18
			].join('\n'),
		);
		expect(linesOf('forms/raw.md')).toEqual({
			'https://html.example/block-link': [6],
			'https://html.example/photo.png': [7],
			'https://html.example/photo-2x.png': [8],
			'https://html.example/photo-3x.png': [8],
			'https://html.example/poster.jpg': [9],
			'https://html.example/clip.mp4': [9],
			'https://html.example/inline?a=1&b=2': [12],
			'https://html.example/sprite.svg#icon': [18],
		});
	});

	it('finds every JSX attribute that holds a web address, string expressions included, on its own line', () => {
		write(
			'forms/jsx.mdx',
			[
				'import Card from "../Card.astro";', // 1
				'',
				'<Card', // 3
				'  title="A card"',
				'  href="https://jsx.example/card"', // 5
				'  image={"https://jsx.example/card.png"}', // 6
				'  poster={`https://jsx.example/poster.png`}', // 7
				'  src={someVariable}',
				'/>',
				'',
				'Inline <img src="https://jsx.example/inline.png" alt="x" /> image.', // 11
				'',
				'<video src={"https://jsx.example/clip.mp4"} />', // 13
				'',
				'{/* https://jsx.example/in-comment and <a href="https://jsx.example/in-comment-tag"> */}', // 15
				'',
				'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>A namespace is not a link</title></svg>',
			].join('\n'),
		);
		expect(linesOf('forms/jsx.mdx')).toEqual({
			'https://jsx.example/card': [5],
			'https://jsx.example/card.png': [6],
			'https://jsx.example/poster.png': [7],
			'https://jsx.example/inline.png': [11],
			'https://jsx.example/clip.mp4': [13],
		});
	});

	it('finds links in directives (label, body, attributes), tables, lists and footnotes', () => {
		write(
			'forms/places.mdx',
			[
				':::note[See https://dir.example/label]', // 1
				'Body [link](https://dir.example/body).', // 2
				':::',
				'',
				'::video{src="https://dir.example/clip.mp4"}', // 5
				'',
				'| Tool | Docs |', // 7
				'|---|---|',
				'| A | https://table.example/a |', // 9
				'| B | [docs](https://table.example/b) |', // 10
				'',
				'- item with www.list.example/page', // 12
				'  1. nested [link](https://list.example/nested)', // 13
				'',
				'A claim.[^source]', // 15
				'',
				'[^source]: From https://footnote.example/paper.', // 17
			].join('\n'),
		);
		expect(linesOf('forms/places.mdx')).toEqual({
			'https://dir.example/label': [1],
			'https://dir.example/body': [2],
			'https://dir.example/clip.mp4': [5],
			'https://table.example/a': [9],
			'https://table.example/b': [10],
			'http://www.list.example/page': [12],
			'https://list.example/nested': [13],
			'https://footnote.example/paper': [17],
		});
	});

	it('skips fenced, indented and inline code, and comments', () => {
		write(
			'forms/code.md',
			[
				'```sh', // 1
				'curl https://code.example/fenced',
				'```',
				'',
				'    curl https://code.example/indented',
				'',
				'Run `curl https://code.example/inline` and read [`the docs`](https://code.example/linked-code).', // 7
				'',
				'<!--',
				'[commented](https://code.example/comment)',
				'-->',
			].join('\n'),
		);
		expect(linesOf('forms/code.md')).toEqual({ 'https://code.example/linked-code': [7] });
	});

	it('finds URLs in the frontmatter (hero actions, head tags) on their line', () => {
		write(
			'forms/front.mdx',
			[
				'---', // 1
				'title: Home',
				'hero:',
				'  actions:',
				'    - text: Read the docs',
				'      link: https://front.example/docs', // 6
				'head:',
				'  - tag: link',
				'    attrs: { rel: preconnect, href: "https://front.example/cdn" }', // 9
				'description: Not a link https://front.example/in-prose',
				'---',
				'',
				'Body.',
			].join('\n'),
		);
		expect(linesOf('forms/front.mdx')).toEqual({
			'https://front.example/docs': [6],
			'https://front.example/cdn': [9],
		});
	});
});

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

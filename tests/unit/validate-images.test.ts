import { join } from 'node:path';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkValidateImages } from '../../src/plugins/remark/validate-images.ts';
import { projectRoot } from '../support/paths.ts';

const publicDir = join(projectRoot, 'public');

function check(markdown: string, mdx = false) {
	const processor = unified().use(remarkParse);
	if (mdx) processor.use(remarkMdx);
	processor.use(remarkValidateImages, { publicDir });
	const file = new VFile({ path: 'src/content/docs/lessons/example.mdx', value: markdown });
	return () => processor.runSync(processor.parse(file), file);
}

/** What the run stops with: the message and where. */
function failure(run: () => unknown) {
	try {
		run();
	} catch (error) {
		return error as { line?: number; file?: string; message: string };
	}
	throw new Error('expected the image to be refused');
}

describe('remarkValidateImages', () => {
	it('accepts an image that exists under public/ and has alt text', () => {
		expect(check('Text.\n\n![The three teams](/img/teams.png)\n')).not.toThrow();
	});

	it('fails on a missing file, naming the path, the file and the line', () => {
		const run = check('# Title\n\nText.\n\n![A diagram](/img/x.png)\n');
		const error = failure(run);
		expect(error.message).toMatch(/Image \/img\/x\.png not found/);
		expect(error.line).toBe(5);
		expect(error.file).toContain('lessons/example.mdx');
		expect(error.message).toContain(join('public', 'img', 'x.png'));
	});

	it('fails on empty or blank alt text', () => {
		expect(check('![](/img/teams.png)\n')).toThrow(/no alt text/);
		expect(check('![  ](/img/teams.png)\n')).toThrow(/no alt text/);
	});

	it('checks <img> written as JSX in MDX', () => {
		expect(check('<img src="/img/missing.png" alt="Something" />\n', true)).toThrow(/\/img\/missing\.png not found/);
		expect(check('<img src="/img/teams.png" />\n', true)).toThrow(/no alt text/);
		expect(check('<img src="/img/teams.png" alt="The three teams" />\n', true)).not.toThrow();
	});

	it('leaves external, protocol-relative and relative images to others', () => {
		expect(check('![Logo](https://example.com/x.png)\n\n![Logo](//example.com/x.png)\n\n![Local](./x.png)\n')).not.toThrow();
	});

	it('fails at a "%" that starts no escape, with the file, the line and how to write it', () => {
		const run = check('Text.\n\n![Accuracy at 100%](/img/100%.png)\n');
		expect(run).toThrow('Image /img/100%.png: "%" starts an escape in a URL. Write "%25" for a percent sign: /img/100%25.png');
		expect(failure(run)).toMatchObject({ line: 3, file: expect.stringContaining('lessons/example.mdx') });
		expect(check('![Bytes that are no text](/img/%FF.png)\n')).toThrow(/Image \/img\/%FF\.png: its "%" escapes do not spell out text/);
	});

	it('ignores a query or fragment on the path', () => {
		expect(check('![The three teams](/img/teams.png?v=2#top)\n')).not.toThrow();
	});
});

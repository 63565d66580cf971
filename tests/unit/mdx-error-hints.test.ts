import { describe, expect, it } from 'vitest';
import { mdxErrorHints, mdxErrorPlace, mdxHint, type MdxParseError } from '../../src/integrations/mdx-error-hints.ts';
import { mdxParseError } from '../support/markdown-pipeline.ts';

/** The error MDX's parser throws for the text, as the build receives it. */
function parseError(mdx: string): MdxParseError {
	const error = mdxParseError(mdx);
	if (!error) throw new Error(`expected MDX to reject: ${mdx}`);
	return error;
}

describe('hints for MDX slips', () => {
	it.each([
		['an <img> not self-closed', 'Intro.\n\n<img src="/img/a.png" alt="A">', /Write <img … \/> \(self-closing\)/, { line: 3, column: 1 }],
		['a <br> in a sentence', 'Line <br> break', /Write <br … \/> \(self-closing\)/, { line: 1, column: 6 }],
		['a tag never closed', '<span>text', /Close <span> with <\/span> in the same paragraph/, { line: 1, column: 1 }],
		['a less-than sign before a digit', 'I <3 MLOps.', /write "\\<"/, { line: 1, column: 4 }],
		['a less-than sign inside a word', 'Values a<b here.', /write "\\<"/, { line: 1, column: 16 }],
		['an HTML comment', '<!-- later -->', /write a note as \{\/\* note \*\/\}/i, { line: 1, column: 2 }],
		['an opening brace never closed', 'Use {curly braces.', /write "\\\{"/, { line: 1, column: 19 }],
		['a stray closing tag', 'Close </div> here.', /no opening tag before it/, { line: 1, column: 8 }],
	])('%s: says how to write it, at its line', (_, mdx, hint, place) => {
		const error = parseError(mdx);
		expect(mdxHint(error)).toMatch(hint);
		expect(mdxErrorPlace(error)).toEqual(place);
	});

	it('adds the hint and the line to the errors a failed build reports', () => {
		const error = Object.assign(parseError('Intro.\n\n<img src="/img/a.png" alt="A">'), { loc: { file: 'lesson.mdx', line: undefined, column: undefined } });
		const plugin = mdxErrorHints();
		(plugin.buildEnd as (error: unknown) => void)({ errors: [error] });
		expect(error.hint).toMatch(/self-closing/);
		expect(error.loc).toEqual({ file: 'lesson.mdx', line: 3, column: 1 });
	});

	it('leaves other errors alone', () => {
		const error = { message: 'Something else', hint: undefined as string | undefined };
		(mdxErrorHints().buildEnd as (error: unknown) => void)(error);
		expect(error.hint).toBeUndefined();
	});
});

import { describe, expect, it } from 'vitest';
import { mdxHint } from '../../src/integrations/mdx-error-hints.ts';
import { guideExamples } from '../support/guide-examples.ts';
import { directiveError, mdxParseError } from '../support/markdown-pipeline.ts';

/** What the build says of an example: the MDX parser's hint, or a plugin's message; nothing when it is fine. */
function verdict(code: string): string | undefined {
	const parseError = mdxParseError(code);
	if (parseError) return mdxHint(parseError) ?? `no hint for: ${parseError.message}`;
	return directiveError(code, { path: 'lessons/guide.mdx' })?.message;
}

/**
 * The authoring guide's "MDX rules" show each slip (`mdx wrong`) beside what to write instead. The
 * wrong ones must stop the build with a message that says what to do; the right ones must pass.
 * (Every example that is not wrong is also built into a page by the fixture course.)
 */
describe('the examples of the authoring guide', () => {
	const examples = guideExamples();
	const wrong = examples.filter((example) => example.wrong);

	it('show slips to avoid', () => {
		expect(wrong.length).toBeGreaterThanOrEqual(5);
	});

	it.each(wrong.map((example) => [example.line, example] as const))('line %i: the slip stops the build with what to write instead', (_, example) => {
		const message = verdict(example.code);
		expect(message).toBeDefined();
		expect(message).not.toMatch(/^no hint for/);
	});

	it.each(examples.filter((example) => !example.wrong && !example.wholeFile).map((example) => [example.line, example] as const))(
		'line %i: the example passes every check',
		(_, example) => {
			expect(verdict(example.code)).toBeUndefined();
		},
	);
});

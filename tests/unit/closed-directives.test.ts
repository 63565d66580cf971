import { describe, expect, it } from 'vitest';
import { directiveError, runDirectivePlugins } from '../support/markdown-pipeline.ts';

describe('a container directive that is never closed', () => {
	it('stops the build at its opening line, saying what it would swallow and how to close it', () => {
		const error = directiveError('Intro.\n\n:::note\nA note.\n\n## Later section\n\nText.\n');
		expect(error?.line).toBe(3);
		expect(error?.message).toContain('":::note" on line 3 is never closed, so everything after it, to the end of the file, would be inside it.');
		expect(error?.message).toContain(':::note\nIts text.\n:::');
	});

	it('is found when the directive nested in it closes it too, and the fix is more colons', () => {
		const error = directiveError(':::tip\nOuter.\n\n:::note\nInner.\n:::\n\nMore.\n:::\n');
		expect(error?.line).toBe(1);
		expect(error?.message).toContain('":::tip" on line 1 is closed by the ":::" of the directive inside it. Give ":::tip" more colons');
	});

	it('stops at a fence that closes nothing', () => {
		const error = directiveError('Intro.\n\n:::\n');
		expect(error?.line).toBe(3);
		expect(error?.message).toMatch(/^":::" on line 3 closes no directive\./);
	});

	it('is found at the end of the file, even with no text', () => {
		expect(directiveError('Intro.\n\n:::exam-tip')?.line).toBe(3);
	});

	it('is found inside a list item or a block quote', () => {
		expect(directiveError('- Item\n\n  :::tip\n  Text.\n')?.line).toBe(3);
		expect(directiveError('> :::tip\n> Text.\n')?.line).toBe(1);
	});

	it('leaves closed directives alone, nested, indented, quoted or with a label only', () => {
		for (const markdown of [
			'::::tip\nOuter.\n\n:::note\nInner.\n:::\n\nMore.\n::::\n',
			'- Item\n\n  :::tip\n  Text.\n  :::\n',
			'> :::tip\n> Text.\n> :::\n',
			':::note[Only a title]\n:::\n',
			'::::tip\nFour colons.\n::::\n',
		]) {
			expect(() => runDirectivePlugins(markdown), markdown).not.toThrow();
		}
	});
});

import { describe, expect, it } from 'vitest';
import { directiveError, runDirectivePlugins } from '../support/markdown-pipeline.ts';

describe('braces in the text of an MDX lesson', () => {
	it.each([
		['a set in a sentence', 'The set {train, test} splits the data.', '{train, test}'],
		['numbers, which MDX would reduce to the last', 'Pick one of {1, 2, 3}.', '{1, 2, 3}'],
		['a block of its own', 'Intro.\n\n{value}\n', '{value}'],
	])('stop the build at %s, saying how to escape them', (_, markdown, written) => {
		const error = directiveError(markdown);
		expect(error?.message).toContain(`"${written}" is read by MDX as JavaScript, not shown as text.`);
		expect(error?.message).toContain(`escape the opening one: \\${written}`);
		expect(error?.line).toBe(markdown.split('\n').findIndex((line) => line.includes(written)) + 1);
	});

	it('are text once escaped; comments and component props are allowed', () => {
		for (const markdown of ['The set \\{train, test} splits the data.', '{/* a note to maintainers */}\n\nText.', 'Text {/* inline note */} here.', '<img src="/x.png" alt="x" width={720} />']) {
			expect(() => runDirectivePlugins(markdown), markdown).not.toThrow();
		}
	});

	it('are plain text in a .md file, which is not MDX', () => {
		expect(directiveError('The set {train, test}.', { path: 'lessons/plain.md' })).toBeUndefined();
	});
});

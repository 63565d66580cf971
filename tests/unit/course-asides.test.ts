import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { describe, expect, it } from 'vitest';
import { directiveError, runDirectivePlugins } from '../support/markdown-pipeline.ts';

/** The props the plugin hands the component, as plain values. */
function propsOf(element: MdxJsxFlowElement) {
	return Object.fromEntries(
		element.attributes.map((attribute) => {
			if (attribute.type !== 'mdxJsxAttribute') throw new Error('unexpected spread');
			const { value } = attribute;
			return [attribute.name, typeof value === 'string' || value == null ? value : JSON.parse(value.value)];
		}),
	);
}

function components(markdown: string) {
	const { tree } = runDirectivePlugins(markdown);
	return tree.children.filter((node): node is MdxJsxFlowElement => node.type === 'mdxJsxFlowElement');
}

describe('course asides', () => {
	it('gives learning objectives and exam tips a default title, or the one written, and a unique id', () => {
		const [objective, tip] = components(':::learning-objective\nExplain CI/CD for ML.\n:::\n\n:::exam-tip[Watch the wording]\nRead **all** options.\n:::\n');
		expect(propsOf(objective!)).toEqual({ variant: 'learning-objective', title: 'Learning objective', id: 'course-aside-1' });
		expect(propsOf(tip!)).toEqual({ variant: 'exam-tip', title: 'Watch the wording', id: 'course-aside-2' });
		expect(objective!.position?.start.line).toBe(1);
		// The body stays Markdown, rendered as the component's content; the label is not repeated.
		expect(tip!.children.map((child) => child.type)).toEqual(['paragraph']);
	});

	it('imports the component once, whatever the number of asides', () => {
		const { output } = runDirectivePlugins(':::exam-tip\nOne.\n:::\n\n:::exam-tip\nTwo.\n:::\n');
		expect(output.match(/^import CourseAsideFromDirective from ".*\/src\/components\/CourseAside\.astro"$/gm)).toHaveLength(1);
	});

	it("leaves Starlight's asides, and directives handled by other plugins, to them", () => {
		const markdown = ':::note[Custom title]\nText.\n:::\n\n:::danger\nCareful.\n:::\n\n:::knowledge-check\nQuestion?\n:::\n';
		expect(runDirectivePlugins(markdown, { withoutKnowledgeCheck: true }).output).toBe(runDirectivePlugins(markdown, { withoutPlugins: true }).output);
	});

	it('leaves text that only looks like a directive as it was', () => {
		const markdown = [
			'The screen ratio 16:9 at 10:30am.',
			'Note:Important and re:Invent.',
			'See https://docs.aws.amazon.com/sagemaker/latest/dg/x.html#a:b for more.',
			'::not-a-container',
			'A line ending in a colon:',
		].join('\n\n');
		expect(runDirectivePlugins(markdown).output).toBe(runDirectivePlugins(markdown, { withoutPlugins: true }).output);
	});
});

describe('course asides with bad input', () => {
	it('stops at an unknown container directive, naming the line, the name meant and the allowed names', () => {
		const error = directiveError('Intro.\n\n:::exam-tipp\nText.\n:::\n');
		expect(error?.line).toBe(3);
		expect(error?.file).toBe('lessons/example.mdx');
		expect(error?.message).toBe(
			'Unknown directive ":::exam-tipp". Did you mean ":::exam-tip"? ' +
				'Allowed container directives: note, tip, caution, danger, learning-objective, exam-tip, comparison-table, knowledge-check.',
		);
	});

	it('offers no name when none is close', () => {
		expect(directiveError(':::quiz\nText.\n:::\n')?.message).toMatch(/^Unknown directive ":::quiz"\. Allowed container directives: /);
	});

	it('stops at an unknown directive nested inside another', () => {
		expect(directiveError('::::tip\nText.\n\n:::exam-tipp\nNested.\n:::\n::::\n')?.line).toBe(4);
	});

	it('stops at the exam-domain directive, which lessons no longer write, and says where the domain comes from', () => {
		const error = directiveError('Intro.\n\n:::exam-domain[Deployment]{number=3}\n:::\n');
		expect(error?.line).toBe(3);
		expect(error?.message).toMatch(/":::exam-domain" is no longer used\. .*src\/course\.ts.*Delete this directive\./);
	});

	it('stops at an aside without text', () => {
		expect(directiveError(':::learning-objective\n:::\n')?.message).toMatch(/":::learning-objective" has no text/);
	});

	it('stops at an attribute on an aside, which takes none', () => {
		expect(directiveError(':::exam-tip{icon=star}\nText.\n:::\n')?.message).toMatch(/Unknown attribute "icon" on ":::exam-tip"\. It takes none\./);
	});

	it('stops at a known aside written with two colons, which would print as text', () => {
		const error = directiveError('Intro.\n\n::exam-tip[Read every option]\n');
		expect(error?.line).toBe(3);
		expect(error?.message).toMatch(/"::exam-tip" has two colons; write ":::exam-tip"/);
	});

	it('stops at a course aside in a .md file, where a component cannot render', () => {
		expect(directiveError(':::exam-tip\nText.\n:::\n', { path: 'lessons/plain.md' })?.message).toMatch(/rename this file to \.mdx/);
	});
});

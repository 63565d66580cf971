import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { describe, expect, it } from 'vitest';
import { courseAsideVariants } from '../../src/components/course-aside-variants.ts';
import { containerDirectiveNames } from '../../src/plugins/remark/container-directives.ts';
import { directiveError, runDirectivePlugins } from '../support/markdown-pipeline.ts';

const domain = { number: 3, title: 'Deployment and Orchestration of ML Workflows' };

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

function components(markdown: string, options?: Parameters<typeof runDirectivePlugins>[1]) {
	const { tree } = runDirectivePlugins(markdown, options);
	return tree.children.filter((node): node is MdxJsxFlowElement => node.type === 'mdxJsxFlowElement');
}

describe('course asides', () => {
	it('renders the exam domain with its number and title', () => {
		const [aside] = components(':::exam-domain[Deployment and Orchestration of ML Workflows]{number=3}\n:::\n', { frontmatter: { domain } });
		expect(aside?.name).toBe('CourseAsideFromDirective');
		expect(propsOf(aside!)).toEqual({ variant: 'exam-domain', title: domain.title, number: 3, id: 'course-aside-1' });
		expect(aside!.position?.start.line).toBe(1);
	});

	it('gives learning objectives and exam tips a default title, or the one written', () => {
		const [objective, tip] = components(':::learning-objective\nExplain CI/CD for ML.\n:::\n\n:::exam-tip[Watch the wording]\nRead **all** options.\n:::\n');
		expect(propsOf(objective!)).toMatchObject({ variant: 'learning-objective', title: 'Learning objective', id: 'course-aside-1' });
		expect(propsOf(tip!)).toMatchObject({ variant: 'exam-tip', title: 'Watch the wording', id: 'course-aside-2' });
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

	it('lists every allowed container directive in one place', () => {
		expect(containerDirectiveNames).toEqual(
			expect.arrayContaining(['note', 'tip', 'caution', 'danger', ...courseAsideVariants, 'comparison-table', 'knowledge-check']),
		);
	});
});

describe('course asides with bad input', () => {
	it('stops at an unknown container directive, naming the line and the allowed names', () => {
		const error = directiveError('Intro.\n\n:::notee\nText.\n:::\n');
		expect(error?.line).toBe(3);
		expect(error?.file).toBe('lessons/example.mdx');
		expect(error?.message).toContain('Unknown directive ":::notee"');
		for (const name of containerDirectiveNames) expect(error?.message).toContain(name);
	});

	it('stops at an unknown directive nested inside another', () => {
		expect(directiveError(':::tip\nText.\n\n:::exam-tipp\nNested.\n:::\n:::\n')?.line).toBe(4);
	});

	it.each([
		['without a number', ':::exam-domain[Deployment]\n:::', /needs the domain number/],
		['with a number that is not a number', ':::exam-domain[Deployment]{number=three}\n:::', /positive whole number, not "three"/],
		['with number zero', ':::exam-domain[Deployment]{number=0}\n:::', /positive whole number, not "0"/],
		['with a fraction', ':::exam-domain[Deployment]{number=2.5}\n:::', /positive whole number, not "2.5"/],
		['with a negative number', ':::exam-domain[Deployment]{number=-1}\n:::', /positive whole number, not "-1"/],
		['without a title', ':::exam-domain{number=3}\n:::', /needs the domain title/],
		['with an unknown attribute', ':::exam-domain[Deployment]{numbr=3}\n:::', /Unknown attribute "numbr".*Allowed: number/],
	])('stops at an exam domain %s', (_, markdown, message) => {
		const error = directiveError(`Intro.\n\n${markdown}\n`);
		expect(error?.message).toMatch(message);
		expect(error?.line).toBe(3);
	});

	it('stops at an exam domain that disagrees with the frontmatter', () => {
		const error = directiveError(':::exam-domain[Deployment and Orchestration of ML Workflows]{number=2}\n:::\n', { frontmatter: { domain } });
		expect(error?.message).toMatch(/says domain 2 .* frontmatter declares domain 3/);
	});

	it('stops at an aside without text', () => {
		expect(directiveError(':::learning-objective\n:::\n')?.message).toMatch(/":::learning-objective" has no text/);
	});

	it('stops at an attribute on an aside that takes none', () => {
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

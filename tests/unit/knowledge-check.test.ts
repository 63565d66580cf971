import type { Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkKnowledgeCheck } from '../../src/plugins/remark/knowledge-check.ts';

/** Runs the plugin the way the site does for an MDX lesson, without Astro. */
async function transform(markdown: string, path = 'lessons/quiz.mdx') {
	const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMdx).use(remarkDirective).use(remarkKnowledgeCheck);
	const file = new VFile({ path, value: markdown });
	const tree = (await processor.run(processor.parse(file), file)) as Root;
	return { tree, file };
}

/** The error the plugin stops the build with, or a failure if it did not. */
async function failure(markdown: string, path?: string) {
	try {
		await transform(markdown, path);
	} catch (error) {
		return error as Error & { line?: number; column?: number; file?: string; fatal?: boolean };
	}
	throw new Error('expected the knowledge check to be rejected');
}

function checks(tree: Root): MdxJsxFlowElement[] {
	return tree.children.filter((node): node is MdxJsxFlowElement => node.type === 'mdxJsxFlowElement');
}

/** Slot name → its text, as the component will receive it. */
function slots(check: MdxJsxFlowElement): Record<string, string> {
	return Object.fromEntries(
		check.children.map((child) => {
			const slot = (child as MdxJsxFlowElement).attributes.find((a) => (a as MdxJsxAttribute).name === 'slot');
			return [String(slot?.value), toString(child)];
		}),
	);
}

function attribute(check: MdxJsxFlowElement, name: string) {
	const found = check.attributes.find((a) => (a as MdxJsxAttribute).name === name) as MdxJsxAttribute | undefined;
	return typeof found?.value === 'object' && found.value ? found.value.value : found?.value;
}

const teams = `:::knowledge-check[Which team is responsible for model deployment?]
- [ ] Data engineers
  - They source, clean and process data.
- [x] ML engineers
  - "ML Engineers are responsible for model deployment, production integration, and monitoring."
:::
`;

describe('remarkKnowledgeCheck: valid checks', () => {
	it('turns a check into the component, each item being an option and the list nested under it its explanation', async () => {
		const { tree } = await transform(teams);
		const [check] = checks(tree);
		expect(check?.name).toBe('KnowledgeCheckFromDirective');
		expect(attribute(check!, 'id')).toBe('kc1');
		expect(attribute(check!, 'correct')).toBe('[false,true]');
		expect(slots(check!)).toEqual({
			question: 'Which team is responsible for model deployment?',
			'option-0': 'Data engineers',
			'explanation-0': 'They source, clean and process data.',
			'option-1': 'ML engineers',
			'explanation-1': '"ML Engineers are responsible for model deployment, production integration, and monitoring."',
		});
	});

	it('imports the component once, however many checks the page has', async () => {
		const { tree } = await transform(`${teams}\n${teams}`);
		const imports = tree.children.filter((node) => node.type === 'mdxjsEsm');
		expect(imports).toHaveLength(1);
		expect(imports[0]).toMatchObject({ value: expect.stringMatching(/^import KnowledgeCheckFromDirective from ".*\/src\/components\/KnowledgeCheck\.astro";?$/) });
		expect(checks(tree).map((check) => attribute(check, 'id'))).toEqual(['kc1', 'kc2']);
	});

	it('accepts several right answers, a loose list, and one explanation for the question', async () => {
		const { tree } = await transform(`:::knowledge-check[Which features does *MLOps* add?]
- [x] Data provenance

- [x] Datasets

- [ ] Code versioning

Both have code versioning; only MLOps tracks data.
:::
`);
		const [check] = checks(tree);
		expect(attribute(check!, 'correct')).toBe('[true,true,false]');
		expect(slots(check!)).toEqual({
			question: 'Which features does MLOps add?',
			'option-0': 'Data provenance',
			'option-1': 'Datasets',
			'option-2': 'Code versioning',
			explanation: 'Both have code versioning; only MLOps tracks data.',
		});
	});

	it('leaves other directives and plain text alone', async () => {
		const markdown = ':::note\nA note.\n:::\n\nSee re:Invent and the knowledge-check below.\n';
		const { tree } = await transform(markdown);
		expect(checks(tree)).toEqual([]);
		expect(tree.children.map((node) => node.type)).toEqual(['containerDirective', 'paragraph']);
	});
});

describe('remarkKnowledgeCheck: mistakes stop the build at their line', () => {
	it('rejects a check without a right answer', async () => {
		const error = await failure('Intro.\n\n:::knowledge-check[Q?]\n- [ ] A\n  - Why.\n- [ ] B\n  - Why.\n:::\n');
		expect(error.message).toMatch(/no right answer/);
		expect(error.line).toBe(4);
		expect(String(error.file)).toContain('lessons/quiz.mdx');
		expect(error.fatal).toBe(true);
	});

	it('rejects a duplicated option and names the first one', async () => {
		const error = await failure(':::knowledge-check[Q?]\n- [x] ML engineers\n  - Why.\n- [ ] ML  Engineers\n  - Why.\n:::\n');
		expect(error.message).toMatch(/"ML {2}Engineers" appears twice \(first on line 2\)/);
		expect(error.line).toBe(4);
	});

	it('rejects fewer than two options', async () => {
		const error = await failure(':::knowledge-check[Q?]\n- [x] Only\n  - Why.\n:::\n');
		expect(error.message).toMatch(/needs 2 to 6 options; found 1/);
		expect(error.line).toBe(2);
	});

	it('rejects more than six options', async () => {
		const items = Array.from({ length: 7 }, (_, i) => `- [${i === 0 ? 'x' : ' '}] Option ${i + 1}\n  - Why.`).join('\n');
		const error = await failure(`:::knowledge-check[Q?]\n${items}\n:::\n`);
		expect(error.message).toMatch(/found 7/);
	});

	it('rejects a check without question text', async () => {
		for (const markdown of [':::knowledge-check\n- [x] A\n  - Why.\n- [ ] B\n  - Why.\n:::\n', ':::knowledge-check[  ]\n- [x] A\n  - Why.\n- [ ] B\n  - Why.\n:::\n']) {
			const error = await failure(markdown);
			expect(error.message).toMatch(/needs its question in brackets/);
			expect(error.line).toBe(1);
		}
	});

	it('rejects an option without words, such as an image alone', async () => {
		const error = await failure(':::knowledge-check[Q?]\n- [x] ![](/img/teams.png)\n  - Why.\n- [ ] B\n  - Why.\n:::\n');
		expect(error.message).toMatch(/an option needs its words on the line of its checkbox/);
		expect(error.line).toBe(2);
	});

	it('rejects options that are not task-list items', async () => {
		const error = await failure(':::knowledge-check[Q?]\n- [x] A\n  - Why.\n- B\n  - Why.\n:::\n');
		expect(error.message).toMatch(/task-list item/);
		expect(error.line).toBe(4);
	});

	it('rejects a check with no explanation for an option and none for the question', async () => {
		const error = await failure(':::knowledge-check[Q?]\n- [x] A\n  - Why.\n- [ ] B\n:::\n');
		expect(error.message).toMatch(/explain every option/);
		expect(error.line).toBe(4);
	});

	it('rejects a check without options, text before the options, and a leaf directive', async () => {
		expect((await failure(':::knowledge-check[Q?]\nJust text.\n:::\n')).message).toMatch(/as a task list/);
		expect((await failure(':::knowledge-check[Q?]\nContext.\n\n- [x] A\n  - Why.\n- [ ] B\n  - Why.\n:::\n')).line).toBe(2);
		expect((await failure('::knowledge-check[Q?]\n')).message).toMatch(/as a container/);
	});

	it('rejects an attribute, which a check does not take', async () => {
		const error = await failure(':::knowledge-check[Q?]{shuffle}\n- [x] A\n  - Why.\n- [ ] B\n  - Why.\n:::\n');
		expect(error.message).toBe('Unknown attribute "shuffle" on ":::knowledge-check". It takes none.');
		expect(error.line).toBe(1);
	});

	it('rejects an option that runs onto a second line, at that line, saying how to write an explanation', async () => {
		const error = await failure(':::knowledge-check[Q?]\n- [x] As independent components that must\n  work together\n- [ ] B\n  - Why.\n:::\n', undefined);
		expect(error.message).toMatch(/the option "As independent components that must" runs onto line 3\. Write each option on one line\./);
		expect(error.message).toContain('  - The lesson says:');
		expect(error.line).toBe(3);
	});

	it('rejects an explanation that is not a nested list, and a nested option', async () => {
		const paragraph = await failure(':::knowledge-check[Q?]\n- [x] A\n\n  Why A.\n- [ ] B\n  - Why B.\n:::\n');
		expect(paragraph.message).toMatch(/explain an option in a list nested under it/);
		expect(paragraph.line).toBe(4);
		const nested = await failure(':::knowledge-check[Q?]\n- [x] A\n  - [ ] A1\n- [ ] B\n  - Why B.\n:::\n');
		expect(nested.message).toMatch(/options cannot be nested/);
		expect(nested.line).toBe(3);
	});

	it('rejects a check in a .md file, which cannot render components', async () => {
		const error = await failure(teams, 'lessons/quiz.md');
		expect(error.message).toMatch(/\.mdx files only/);
	});
});

describe('the key of a knowledge check', () => {
	const keyOf = async (markdown: string) => attribute(checks((await transform(markdown)).tree)[0]!, 'checkKey');

	it('stays the same for the same check, and is listed for the page', async () => {
		expect(await keyOf(teams)).toBe(await keyOf(teams));
		const { file } = await transform(`${teams}\n${teams.replace('model deployment?', 'monitoring?')}`);
		const listed = (file.data as { astro: { frontmatter: { knowledgeChecks: string[] } } }).astro.frontmatter.knowledgeChecks;
		expect(listed).toHaveLength(2);
		expect(listed[0]).toBe(await keyOf(teams));
	});

	it.each([
		['the question', teams.replace('model deployment?', 'model training?')],
		['an option', teams.replace('- [ ] Data engineers', '- [ ] Data scientists')],
		['which option is right', teams.replace('- [ ] Data engineers', '- [x] Data engineers')],
	])('changes with %s, so a saved answer to the old check is not shown for the new one', async (_, edited) => {
		expect(await keyOf(edited)).not.toBe(await keyOf(teams));
	});

	it('does not change with an explanation', async () => {
		expect(await keyOf(teams.replace('They source, clean and process data.', 'They prepare data.'))).toBe(await keyOf(teams));
	});
});

import { createHash } from 'node:crypto';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ContainerDirective } from 'mdast-util-directive';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { knowledgeCheckName, parseKnowledgeCheck, type KnowledgeCheck } from './knowledge-check-parse.ts';
import { componentPath, importComponent, mdxComponent, requireMdx } from './mdx-component.ts';
import { pageData } from './page-data.ts';
import { slotNames } from '../../components/knowledge-check/props.ts';

/** The component every knowledge check renders with; imported into the page under a name authors will not use. */
const componentFile = componentPath('KnowledgeCheck.astro');
const componentName = 'KnowledgeCheckFromDirective';

/** `<Fragment slot="name">…</Fragment>`: hands Markdown content to a named slot of the component, unwrapped. */
function slot(name: string, children: RootContent[]): MdxJsxFlowElement {
	return {
		type: 'mdxJsxFlowElement',
		name: 'Fragment',
		attributes: [{ type: 'mdxJsxAttribute', name: 'slot', value: name }],
		children: children as MdxJsxFlowElement['children'],
	};
}

/**
 * A short name for a check that changes when its question, its options or its right answers change,
 * so that a learner's saved answer is dropped for an edited check and kept for every other one.
 */
export function checkKey(check: KnowledgeCheck): string {
	const words = (nodes: Parameters<typeof toString>[0][]) => nodes.map((node) => toString(node)).join('').replace(/\s+/g, ' ').trim();
	const text = [words(check.question), ...check.options.map((option) => `${option.correct ? '[x]' : '[ ]'} ${words(option.label)}`)].join('\n');
	return createHash('sha256').update(text).digest('base64url').slice(0, 10);
}

/** The component element for one parsed check; its Markdown stays in the tree so later plugins (base path) see it. */
function componentElement(check: KnowledgeCheck, id: string, node: ContainerDirective): MdxJsxFlowElement {
	const slots = [slot(slotNames.question, check.question)];
	check.options.forEach((option, index) => {
		slots.push(slot(slotNames.option(index), option.label));
		if (option.explanation.length > 0) slots.push(slot(slotNames.optionExplanation(index), option.explanation));
	});
	if (check.explanation.length > 0) slots.push(slot(slotNames.explanation, check.explanation));
	return mdxComponent(componentName, { id, checkKey: checkKey(check), correct: check.options.map((option) => option.correct) }, slots, node);
}

/**
 * Turns `:::knowledge-check[Question]` containers into the KnowledgeCheck component.
 *
 * Registered first among the remark plugins, so it sees the directives before Starlight's asides
 * plugin and the course-asides plugin, which reject container names they do not own. Text and leaf
 * directives of the same name are mistakes too (`::knowledge-check` renders nothing useful), so they
 * stop the build rather than turn into stray text.
 */
export function remarkKnowledgeCheck() {
	return function transformer(tree: Root, file: VFile) {
		const keys: string[] = [];
		visit(tree, (node, index, parent) => {
			if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return;
			if (node.name !== knowledgeCheckName) return;
			if (node.type !== 'containerDirective') {
				file.fail(`Write a knowledge check as a container: ":::${knowledgeCheckName}[Question?]", a task list, then ":::"`, node);
			}
			requireMdx(file, node, `:::${knowledgeCheckName}`);
			if (!parent || index === undefined) return;
			const check = parseKnowledgeCheck(node, file);
			keys.push(checkKey(check));
			parent.children[index] = componentElement(check, `kc${keys.length}`, node) as RootContent;
			return SKIP;
		});
		if (keys.length > 0) importComponent(tree, componentName, componentFile);
		// The course overview reads the page's checks from here, to show a learner's score.
		pageData(file).knowledgeChecks = keys;
	};
}

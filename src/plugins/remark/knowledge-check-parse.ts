import type { BlockContent, DefinitionContent, List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { maxOptions, minOptions } from '../../components/knowledge-check/props.ts';

/** The directive name authors write: `:::knowledge-check[Question?]`. */
export const knowledgeCheckName = 'knowledge-check';

export { maxOptions, minOptions };

export interface KnowledgeCheckOption {
	/** The option's words (the first paragraph of its list item). */
	label: PhrasingContent[];
	correct: boolean;
	/** Why the option is right or wrong: the rest of its list item, possibly empty. */
	explanation: (BlockContent | DefinitionContent)[];
}

export interface KnowledgeCheck {
	question: PhrasingContent[];
	options: KnowledgeCheckOption[];
	/** Blocks after the option list: one explanation for the whole question, possibly empty. */
	explanation: RootContent[];
}

/** Compares option labels the way a learner reads them, so "ML engineers" and "ML  Engineers" clash. */
function optionKey(label: PhrasingContent[]): string {
	return toString(label).replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Splits an option's first paragraph at its first line end: the first line is the option, the
 * lines under it its explanation. Without this, "- [x] ML engineers" followed by an indented line
 * would read as one long option, as Markdown joins the lines into one paragraph.
 */
function splitFirstLine(paragraph: Paragraph): { label: PhrasingContent[]; rest?: Paragraph } {
	const children = paragraph.children;
	for (const [index, child] of children.entries()) {
		if (child.type === 'break') {
			return withRest(children.slice(0, index), children.slice(index + 1));
		}
		if (child.type === 'text' && child.value.includes('\n')) {
			const at = child.value.indexOf('\n');
			const before = child.value.slice(0, at);
			const after = child.value.slice(at + 1);
			return withRest(
				[...children.slice(0, index), ...(before ? [{ type: 'text' as const, value: before }] : [])],
				[...(after ? [{ type: 'text' as const, value: after }] : []), ...children.slice(index + 1)],
			);
		}
	}
	return { label: children };

	function withRest(label: PhrasingContent[], rest: PhrasingContent[]) {
		const trimmed = rest.length > 0 && toString({ type: 'paragraph', children: rest }).trim() !== '';
		return { label, rest: trimmed ? { type: 'paragraph' as const, children: rest, position: paragraph.position } : undefined };
	}
}

function isLabel(node: RootContent | undefined): node is Paragraph {
	return node?.type === 'paragraph' && Boolean(node.data && 'directiveLabel' in node.data && node.data.directiveLabel);
}

/**
 * Reads a `knowledge-check` container directive into a question with its options, or stops the
 * build with a message that names the file and the line (`file.fail`) when the check could
 * mislead a learner: no question, no right answer, a repeated option, too few or too many options,
 * an option without an explanation.
 */
export function parseKnowledgeCheck(node: ContainerDirective, file: VFile): KnowledgeCheck {
	const where = `:::${knowledgeCheckName}`;
	if (node.attributes && Object.keys(node.attributes).length > 0) {
		file.fail(`${where} takes no attributes; found {${Object.keys(node.attributes).join(' ')}}`, node);
	}

	const [first, ...rest] = node.children;
	const label = isLabel(first) ? first : undefined;
	if (!label || toString(label).trim() === '') {
		file.fail(`${where} needs its question in brackets: :::${knowledgeCheckName}[Which team deploys models?]`, node);
	}
	const body = rest;

	const listIndex = body.findIndex((child) => child.type === 'list');
	const list = body[listIndex] as List | undefined;
	if (!list) {
		file.fail(`${where} needs its options as a task list: "- [x] right option" and "- [ ] wrong option"`, node);
	}
	if (listIndex > 0) {
		file.fail(`${where}: put the question in the brackets of the directive; nothing may come before the options`, body[0]);
	}
	const extraList = body.slice(listIndex + 1).find((child) => child.type === 'list');
	if (extraList) {
		file.fail(`${where} takes one list of options; a second list follows the first (indent it to belong to an option)`, extraList);
	}

	if (list.children.length < minOptions || list.children.length > maxOptions) {
		file.fail(`${where} needs ${minOptions} to ${maxOptions} options; found ${list.children.length}`, list);
	}

	const seen = new Map<string, ListItem>();
	const options = list.children.map((item): KnowledgeCheckOption => {
		if (typeof item.checked !== 'boolean') {
			file.fail(`${where}: every option is a task-list item, "- [x]" (right) or "- [ ]" (wrong)`, item);
		}
		const [first, ...more] = item.children;
		if (first?.type !== 'paragraph') {
			file.fail(`${where}: an option needs its words on the line of its checkbox`, item);
		}
		const { label: optionLabel, rest } = splitFirstLine(first);
		const key = optionKey(optionLabel);
		if (key === '') {
			file.fail(`${where}: an option needs its words on the line of its checkbox`, item);
		}
		const earlier = seen.get(key);
		if (earlier) {
			file.fail(`${where}: the option "${toString(optionLabel)}" appears twice (first on line ${earlier.position?.start.line})`, item);
		}
		seen.set(key, item);
		return { label: optionLabel, correct: item.checked, explanation: rest ? [rest, ...more] : more };
	});

	if (!options.some((option) => option.correct)) {
		file.fail(`${where} has no right answer: mark at least one option "- [x]"`, list);
	}

	const explanation = body.slice(listIndex + 1);
	if (explanation.length === 0) {
		const unexplained = list.children.find((_, index) => options[index]!.explanation.length === 0);
		if (unexplained) {
			file.fail(
				`${where}: explain every option (an indented paragraph under it) or the whole question (a paragraph after the list); this option has no explanation`,
				unexplained,
			);
		}
	}

	return { question: label.children, options, explanation };
}

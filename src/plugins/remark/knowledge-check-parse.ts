import type { BlockContent, DefinitionContent, List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { maxOptions, minOptions } from '../../components/knowledge-check/props.ts';
import { rejectAttributes } from './directive-attributes.ts';
import { splitDirectiveLabel } from './directive-label.ts';

/** The directive name authors write: `:::knowledge-check[Question?]`. */
export const knowledgeCheckName = 'knowledge-check';

export { maxOptions, minOptions };

export interface KnowledgeCheckOption {
	/** The option's words: the line of its checkbox. */
	label: PhrasingContent[];
	correct: boolean;
	/** Why the option is right or wrong: the items of a list nested under it, possibly none. */
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

/** Where the option's words end, when they run past the line of their checkbox. */
function secondLine(paragraph: Paragraph): number | undefined {
	const { start, end } = paragraph.position ?? {};
	if (start && end && end.line > start.line) return start.line + 1;
	const broken = paragraph.children.some((child) => child.type === 'break' || (child.type === 'text' && child.value.includes('\n')));
	return broken ? (start?.line ?? 0) + 1 : undefined;
}

const explanationExample = '- [x] ML engineers\n  - The lesson says: "ML Engineers are responsible for model deployment."';

/**
 * Reads the explanation of one option: the items of one plain list nested under it, each item's
 * content in turn. A nested list marks an explanation beyond doubt; an option's words are only ever
 * the line of its checkbox.
 */
function readExplanation(item: ListItem, rest: ListItem['children'], file: VFile, where: string): (BlockContent | DefinitionContent)[] {
	if (rest.length === 0) return [];
	const [list, ...more] = rest;
	if (list?.type !== 'list' || more.length > 0) {
		file.fail(
			`${where}: explain an option in a list nested under it, one "- " item indented by two spaces:\n\n${explanationExample}`,
			list ?? item,
		);
	}
	for (const explanation of list.children) {
		if (typeof explanation.checked === 'boolean') {
			file.fail(`${where}: options cannot be nested. An explanation under an option is a plain "- " item, without [ ] or [x].`, explanation);
		}
	}
	return list.children.flatMap((explanation) => explanation.children);
}

/**
 * Reads a `knowledge-check` container directive into a question with its options, or stops the
 * build with a message that names the file and the line (`file.fail`) when the check could
 * mislead a learner: no question, no right answer, a repeated option, too few or too many options,
 * an option without an explanation.
 */
export function parseKnowledgeCheck(node: ContainerDirective, file: VFile): KnowledgeCheck {
	const where = `:::${knowledgeCheckName}`;
	rejectAttributes(node, file);

	const { label, labelContent, body } = splitDirectiveLabel(node);
	if (label === undefined) {
		file.fail(`${where} needs its question in brackets: :::${knowledgeCheckName}[Which team deploys models?]`, node);
	}

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
		const [first, ...rest] = item.children;
		if (first?.type !== 'paragraph') {
			file.fail(`${where}: an option needs its words on the line of its checkbox`, item);
		}
		const runsOn = secondLine(first);
		if (runsOn !== undefined) {
			file.fail(
				`${where}: the option "${toString(first).split('\n')[0]}" runs onto line ${runsOn}. Write each option on one line. ` +
					`If the next line explains the option, make it a nested list item:\n\n${explanationExample}`,
				{ line: runsOn, column: 1 },
			);
		}
		const optionLabel = first.children;
		const key = optionKey(optionLabel);
		if (key === '') {
			file.fail(`${where}: an option needs its words on the line of its checkbox`, item);
		}
		const earlier = seen.get(key);
		if (earlier) {
			file.fail(`${where}: the option "${toString(optionLabel)}" appears twice (first on line ${earlier.position?.start.line})`, item);
		}
		seen.set(key, item);
		return { label: optionLabel, correct: item.checked, explanation: readExplanation(item, rest, file, where) };
	});

	if (!options.some((option) => option.correct)) {
		file.fail(`${where} has no right answer: mark at least one option "- [x]"`, list);
	}

	const explanation = body.slice(listIndex + 1);
	if (explanation.length === 0) {
		const unexplained = list.children.find((_, index) => options[index]!.explanation.length === 0);
		if (unexplained) {
			file.fail(
				`${where}: explain every option (a nested list item under it) or the whole question (a paragraph after the list); this option has no explanation`,
				unexplained,
			);
		}
	}

	return { question: labelContent, options, explanation };
}

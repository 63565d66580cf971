/** Fewer than two is not a choice; more than six is a wall of text on a phone. The remark plugin uses these too. */
export const minOptions = 2;
export const maxOptions = 6;

export interface KnowledgeCheckProps {
	/** Unique on the page: names the radio group and ties labels and explanations to their options. */
	id: string;
	/** One entry per option, in order: is it a right answer? */
	correct: boolean[];
	/** Names the check in a learner's saved answers; changes when the question or its options do. */
	checkKey: string;
}

/** The slots the component reads, named after the option they belong to. */
export const slotNames = {
	question: 'question',
	explanation: 'explanation',
	option: (index: number) => `option-${index}`,
	optionExplanation: (index: number) => `explanation-${index}`,
} as const;

/**
 * Rejects props that would render a check a learner cannot answer. The remark plugin reports
 * the same mistakes with the Markdown line; these errors are for a direct use of the component.
 */
export function validateProps(props: Partial<KnowledgeCheckProps>, hasSlot: (name: string) => boolean): Omit<KnowledgeCheckProps, 'checkKey'> {
	const { id, correct } = props;
	if (typeof id !== 'string' || !/^[A-Za-z][\w-]*$/.test(id)) {
		throw new Error(`KnowledgeCheck: "id" must be a word usable as an HTML id (letters, digits, "-", "_"); got ${JSON.stringify(id)}`);
	}
	if (!Array.isArray(correct) || correct.some((value) => typeof value !== 'boolean')) {
		throw new Error(`KnowledgeCheck ${id}: "correct" must be a list of true/false, one per option`);
	}
	if (correct.length < minOptions || correct.length > maxOptions) {
		throw new Error(`KnowledgeCheck ${id}: needs ${minOptions} to ${maxOptions} options; got ${correct.length}`);
	}
	if (!correct.includes(true)) {
		throw new Error(`KnowledgeCheck ${id}: no option is marked correct`);
	}
	if (!hasSlot(slotNames.question)) {
		throw new Error(`KnowledgeCheck ${id}: the "question" slot is empty`);
	}
	correct.forEach((_, index) => {
		if (!hasSlot(slotNames.option(index))) {
			throw new Error(`KnowledgeCheck ${id}: the slot "${slotNames.option(index)}" (the words of option ${index + 1}) is empty`);
		}
	});
	const everyOptionExplained = correct.every((_, index) => hasSlot(slotNames.optionExplanation(index)));
	if (!hasSlot(slotNames.explanation) && !everyOptionExplained) {
		throw new Error(
			`KnowledgeCheck ${id}: give an "explanation" slot, or an "explanation-<n>" slot for every option`,
		);
	}
	return { id, correct };
}

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

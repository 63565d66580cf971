/** Sent (bubbling) by a knowledge check when the learner checks an answer: the Review page schedules it from there. */
export const answerEvent = 'knowledge-check-answer';

export interface KnowledgeCheckAnswer {
	key: string;
	right: boolean;
}

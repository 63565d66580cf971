/**
 * What an LMS is told about the module: complete when every lesson is complete by the site's own
 * rule (lessonStatus), and the share of all its knowledge checks answered right.
 */
import { lessonStatus, type Progress } from '../progress/progress-store.ts';
import type { CourseMap } from './course-map.ts';

export interface ModuleResult {
	complete: boolean;
	right: number;
	total: number;
	/** right / total; 1 for a module without checks. */
	ratio: number;
}

export function moduleResult(progress: Progress, map: CourseMap): ModuleResult {
	const complete = map.lessons.every((lesson) => lessonStatus(progress, lesson.id, lesson.checks).state === 'complete');
	let right = 0;
	let total = 0;
	for (const lesson of map.lessons) {
		total += lesson.checks.length;
		right += lesson.checks.filter((key) => progress.lessons[lesson.id]?.answers[key]?.right).length;
	}
	return { complete, right, total, ratio: total === 0 ? 1 : right / total };
}

/**
 * Passed when the share right reaches the pass mark, compared as a ratio: 0.7 of 10 checks is 7
 * right, not "70 %" rounded from another figure. No pass mark: no verdict.
 */
export function passes(result: ModuleResult, passMark: number | undefined): boolean | undefined {
	return passMark === undefined ? undefined : result.ratio >= passMark;
}

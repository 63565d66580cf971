/**
 * The course's own asides, declared once. The remark plugin that reads `:::name` directives and
 * the component that renders them both take their names and rules from here, so a new variant
 * is one entry in this file.
 */
export const courseAsideVariants = ['exam-domain', 'learning-objective', 'exam-tip'] as const;

export type CourseAsideVariant = (typeof courseAsideVariants)[number];

export function isCourseAsideVariant(name: string): name is CourseAsideVariant {
	return (courseAsideVariants as readonly string[]).includes(name);
}

/** The title shown when the author gives none; the exam domain has no default, its title is its point. */
export const courseAsideDefaultTitles: Record<CourseAsideVariant, string | undefined> = {
	'exam-domain': undefined,
	'learning-objective': 'Learning objective',
	'exam-tip': 'Exam tip',
};

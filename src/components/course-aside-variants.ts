/**
 * The course's own asides, declared once. The remark plugin that reads `:::name` directives and
 * the component that renders them both take their names and rules from here, so a new variant
 * is one entry in this file.
 */
export const courseAsideVariants = ['exam-domain', 'learning-objective', 'exam-tip'] as const;

export type CourseAsideVariant = (typeof courseAsideVariants)[number];

/**
 * The asides authors write as `:::name` directives. The exam domain is not one of them: it comes
 * from the course (src/course.ts) or the lesson's frontmatter, and every lesson shows it on top.
 */
export const courseAsideDirectives = ['learning-objective', 'exam-tip'] as const satisfies readonly CourseAsideVariant[];

export type CourseAsideDirective = (typeof courseAsideDirectives)[number];

export function isCourseAsideDirective(name: string): name is CourseAsideDirective {
	return (courseAsideDirectives as readonly string[]).includes(name);
}

/** The title shown when the author gives none; the exam domain has no default, its title is its point. */
export const courseAsideDefaultTitles: Record<CourseAsideVariant, string | undefined> = {
	'exam-domain': undefined,
	'learning-objective': 'Learning objective',
	'exam-tip': 'Exam tip',
};

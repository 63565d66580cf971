import { courseAsideDirectives } from '../../components/course-aside-variants.ts';
import { knowledgeCheckName } from './knowledge-check-parse.ts';

/** Starlight's own asides, rendered by Starlight's remark plugin after the project's plugins. */
export const starlightAsideNames = ['note', 'tip', 'caution', 'danger'] as const;

/** The directive whose body is a GFM table, handled by `comparison-tables.ts`. */
export const comparisonTableDirective = 'comparison-table';

/**
 * Every `:::name` container directive the site knows. Any other name fails the build: without
 * a plugin to claim it, a container directive would render as a bare `<div>` and hide a typo.
 * A new directive plugin adds its name here.
 */
export const containerDirectiveNames: readonly string[] = [
	...starlightAsideNames,
	...courseAsideDirectives,
	comparisonTableDirective,
	// Handled by its own plugin (knowledge-check.ts), which runs before these.
	knowledgeCheckName,
];

/** Directives the site no longer takes, and what to do instead. */
export const retiredDirectives: Readonly<Record<string, string>> = {
	'exam-domain':
		'The exam domain is no longer written in a lesson: every lesson shows the course\'s domain (src/course.ts) on top, ' +
		'or the one its frontmatter names (domain: { number: 3, title: ... }). Delete this directive.',
};

import { courseAsideVariants } from '../../components/course-aside-variants.ts';
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
	...courseAsideVariants,
	comparisonTableDirective,
	// Handled by its own plugin (knowledge-check.ts), which runs before these.
	knowledgeCheckName,
];

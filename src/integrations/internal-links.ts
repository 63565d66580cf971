import type { StarlightPlugin } from '@astrojs/starlight/types';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import starlightLinksValidator from 'starlight-links-validator';

type BuildDone = NonNullable<AstroIntegration['hooks']['astro:build:done']>;

/**
 * starlight-links-validator, which fails the build on a link to a page or `#section` that does not
 * exist and prints each one with its file and line. When it fails, it ends with "An unhandled error
 * occurred" and an invitation to report a bug in the validator, which reads as if the site were
 * broken. Its report is clear; this ends the build after it with what to do instead.
 *
 * The failure is recognised by its class: the validator fails the build with Astro's public
 * `AstroError` (from `astro/errors`), whose message and hint Astro prints as a user's mistake, and
 * only on broken links once the build is done. Anything else it throws is passed on as it is.
 * tests/site/build-errors.test.ts (the broken-link build) shows whether this still holds.
 */
export function internalLinks(): StarlightPlugin {
	const validator = starlightLinksValidator();
	const setup = validator.hooks['config:setup'];
	return {
		name: 'course-internal-links',
		hooks: {
			'config:setup': (options) =>
				setup?.({ ...options, addIntegration: (integration) => options.addIntegration(endingPlainly(integration)) }),
		},
	};
}

function endingPlainly(integration: AstroIntegration): AstroIntegration {
	const buildDone = integration.hooks['astro:build:done'];
	if (!buildDone) return integration;
	const wrapped: BuildDone = async (params) => {
		try {
			await buildDone(params);
		} catch (error) {
			if (!(error instanceof AstroError)) throw error;
			params.logger.error(
				'Broken internal links: the report above names each file, line and link. Fix the link, or the heading it points at ' +
					'(a section\'s #id is its heading in lowercase, words joined by "-"). See docs/authoring.md, section "Links".',
			);
			// Astro prints any error a hook throws, ours too, as "An unhandled error occurred" with a
			// stack trace; returning would let the build print "Complete!". Ending here is what is left.
			process.exit(1);
		}
	};
	return { ...integration, hooks: { ...integration.hooks, 'astro:build:done': wrapped } };
}

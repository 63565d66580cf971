import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { leanPreload } from './lean-preload.ts';
import { mdxErrorHints } from './mdx-error-hints.ts';

let logger: AstroIntegrationLogger | undefined;

/**
 * The project's build integration: it gives Markdown plugins a logger (they run in the same
 * process, after Astro has set up its integrations), adds the fixes to MDX parse errors, and puts a
 * smaller helper before lazily loaded scripts.
 */
export function courseBuild(): AstroIntegration {
	return {
		name: 'course',
		hooks: {
			'astro:config:setup': ({ logger: integrationLogger, updateConfig }) => {
				logger = integrationLogger;
				updateConfig({ vite: { plugins: [mdxErrorHints(), leanPreload()] } });
			},
		},
	};
}

/** A line of information in the build output, `[course] …`; not a warning. */
export function buildInfo(message: string): void {
	if (logger) logger.info(message);
	else console.info(`[course] ${message}`);
}

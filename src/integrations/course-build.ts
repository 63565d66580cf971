import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mdxErrorHints } from './mdx-error-hints.ts';

let logger: AstroIntegrationLogger | undefined;

/**
 * The project's build integration: it gives Markdown plugins a logger (they run in the same
 * process, after Astro has set up its integrations) and adds the fixes to MDX parse errors.
 */
export function courseBuild(): AstroIntegration {
	return {
		name: 'course',
		hooks: {
			'astro:config:setup': ({ logger: integrationLogger, updateConfig }) => {
				logger = integrationLogger;
				updateConfig({ vite: { plugins: [mdxErrorHints()] } });
			},
		},
	};
}

/** A line of information in the build output, `[course] …`; not a warning. */
export function buildInfo(message: string): void {
	if (logger) logger.info(message);
	else console.info(`[course] ${message}`);
}

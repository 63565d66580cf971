import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { leanPreload } from './lean-preload.ts';
import { mdxErrorHints } from './mdx-error-hints.ts';
import { noSidebarState } from './no-sidebar-state.ts';

let logger: AstroIntegrationLogger | undefined;

/**
 * The project's build integration: it gives Markdown plugins a logger (they run in the same
 * process, after Astro has set up its integrations), adds the fixes to MDX parse errors, puts a
 * smaller helper before lazily loaded scripts, and leaves out Starlight's sidebar-state script.
 */
export function courseBuild(): AstroIntegration {
	return {
		name: 'course',
		hooks: {
			'astro:config:setup': ({ logger: integrationLogger, updateConfig }) => {
				logger = integrationLogger;
				updateConfig({ vite: { plugins: [mdxErrorHints(), leanPreload(), noSidebarState()] } });
			},
		},
	};
}

/** A line of information in the build output, `[course] …`; not a warning. */
export function buildInfo(message: string): void {
	if (logger) logger.info(message);
	else console.info(`[course] ${message}`);
}

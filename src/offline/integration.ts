import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildWorker } from './build-worker.ts';

/**
 * Writes the service worker of the offline copy once the pages, Pagefind's index and the sitemap
 * are written: list it after Starlight in astro.config.mjs, and before the hosting headers, so
 * that `_headers` covers sw.js and the CSP sees the final pages.
 */
export function offlineCopy(): AstroIntegration {
	let base = '/';
	return {
		name: 'mlops-course:offline-copy',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base;
			},
			'astro:build:done': async ({ dir, logger }) => {
				const worker = await buildWorker(fileURLToPath(dir), base);
				for (const warning of worker.warnings) logger.warn(warning);
				logger.info(`sw.js: the offline copy holds ${worker.count} files, ${(worker.size / 1e6).toFixed(2)} MB before images`);
			},
		},
	};
}

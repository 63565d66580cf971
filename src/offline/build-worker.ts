import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSW, getManifest } from 'workbox-build';
import { normalizeBase } from '../base-path.ts';
import { cachePrefix, imageCacheName, workerFile } from './names.ts';

/**
 * What the offline copy holds, as globs under the build: every page, script, stylesheet and
 * font, the search index and the favicon. Images are left to the page that asks for the copy: it
 * stores each one in the format this browser picks from its <picture> (offline-images.ts), where
 * precaching would store every format and width (for a photo, six files of which a browser uses
 * one format).
 */
export const precacheGlobs = ['**/*.{html,js,css,woff2,json}', 'pagefind/**/*', 'favicon.svg'];

/** Never in the offline copy: the worker itself, host files, the sitemap, the module's PDF. */
export const precacheIgnores = [workerFile, '_headers', 'sitemap*.xml', '**/*.pdf', 'robots.txt'];

export interface WorkerBuild {
	/** Files the worker precaches, and their bytes (images not included). */
	count: number;
	size: number;
	warnings: string[];
}

/**
 * Writes `sw.js` at the root of a build from the build's own files (Workbox's `generateSW`): each
 * file's revision is the MD5 of its content, so a deploy that changes one page makes learners with
 * the offline copy download that page and nothing else. Run again whenever a file of the build
 * changes after Astro (`npm run pdf` adds the PDF's link to the overview).
 *
 * The worker waits: no skipWaiting or clientsClaim. A new version takes over only when the
 * learner accepts it (update-prompt.ts sends SKIP_WAITING) or every tab of the old one is closed,
 * so no page is swapped under a reader; and a failed install leaves the active worker as it was.
 */
export async function buildWorker(dir: string, base: string): Promise<WorkerBuild> {
	const prefix = normalizeBase(base);
	const files = {
		globDirectory: dir,
		globPatterns: precacheGlobs,
		globIgnores: precacheIgnores,
		// URLs as the site serves them, under its base path.
		modifyURLPrefix: { '': prefix },
		// Vite names these after their content: the name is the revision.
		dontCacheBustURLsMatching: /\/_astro\//,
		// Pagefind's WebAssembly and index chunks are the largest files; none comes near this.
		maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
	};
	// The overview shows progress against the number of files: written before the worker, which
	// then precaches the page as learners get it.
	writeTotal(dir, (await getManifest(files)).count);
	const notFound = existsSync(join(dir, '404.html')) ? `${prefix}404.html` : undefined;
	const result = await generateSW({
		...files,
		swDest: join(dir, workerFile),
		// Pagefind asks for its entry file with `?ts=<time>` to get past HTTP caches.
		ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^ts$/],
		cacheId: cachePrefix,
		cleanupOutdatedCaches: true,
		skipWaiting: false,
		clientsClaim: false,
		// One file: sw.js alone is the worker, which a package of the pages can leave out.
		inlineWorkboxRuntime: true,
		mode: 'production',
		sourcemap: false,
		// Offline, an address that is not a page gets the site's page-not-found page; files (a PDF)
		// are never answered with it.
		navigateFallback: notFound,
		navigateFallbackDenylist: [/\.[a-z0-9]+$/i],
		runtimeCaching: [
			{
				// The images offline-images.ts stored; another image fetched later is kept too.
				urlPattern: ({ request, sameOrigin }) => sameOrigin && request.destination === 'image',
				handler: 'CacheFirst',
				options: { cacheName: imageCacheName },
			},
		],
	});
	return { count: result.count, size: result.size, warnings: result.warnings };
}

/** The attribute of the overview's offline section that carries the copy's file count. */
export const totalAttribute = 'data-offline-files';

/** Writes the number of files the worker precaches into the overview's offline section, if it has one. */
function writeTotal(dir: string, count: number): boolean {
	const page = join(dir, 'index.html');
	if (!existsSync(page)) return false;
	const html = readFileSync(page, 'utf8');
	const updated = html.replace(new RegExp(`${totalAttribute}="\\d*"`), `${totalAttribute}="${count}"`);
	if (updated === html) return false;
	writeFileSync(page, updated);
	return true;
}

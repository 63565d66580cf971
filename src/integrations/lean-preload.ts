import type { Plugin } from 'vite';

/** The module Vite's build puts before every dynamic `import()` of the site's scripts. */
export const preloadHelperId = '\0vite/preload-helper.js';

/**
 * A smaller stand-in for Vite's preload helper. Vite wraps each dynamic `import()` in a helper
 * (0.9 KB gzip, on every page that loads a script lazily) that fetches the imported chunk's
 * dependencies in parallel with it and adds the stylesheets it imports. The site's lazy chunks
 * (the search dialog, the knowledge checks, resetting progress) have one small dependency each,
 * which their own imports fetch, and no stylesheet: the build stops if one ever imports CSS, which
 * this helper would not load. If Vite renames its helper, the page-weight test notices.
 */
export function leanPreload(): Plugin {
	return {
		name: 'course:lean-preload',
		apply: 'build',
		enforce: 'pre',
		// Only the browser's scripts: the server build loads its page modules lazily, with their CSS.
		applyToEnvironment: (environment) => environment.config.consumer === 'client',
		// No list of dependencies for the helper to preload either: each lazy `import()` is then just that.
		configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
		resolveId: (id) => (id === preloadHelperId ? id : undefined),
		load: (id) => (id === preloadHelperId ? 'export const __vitePreload = (load) => load();' : undefined),
		generateBundle(_, bundle) {
			for (const chunk of Object.values(bundle)) {
				if (chunk.type !== 'chunk') continue;
				for (const file of chunk.dynamicImports) {
					const imported = bundle[file];
					const css = imported?.type === 'chunk' ? imported.viteMetadata?.importedCss : undefined;
					if (css?.size) {
						this.error(`${file} is loaded lazily and imports CSS (${[...css].join(', ')}), which would not be loaded: import the stylesheet's URL with "?url" and add a <link> (see src/components/search/load-search-ui.ts).`);
					}
				}
			}
		},
	};
}

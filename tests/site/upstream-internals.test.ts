import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { builtSiteDir, projectRoot } from '../support/paths.ts';
import { allPages, lessonRoutes } from '../support/site-pages.ts';

/**
 * What the build makes of the places the site relies on Vite's and Starlight's insides
 * (tests/unit/upstream-internals.test.ts checks the installed packages): each one still takes
 * effect in the built site. If an upgrade leaves one without effect, the pages grow silently;
 * these fail first, naming the file to look at.
 */
const assets = join(builtSiteDir, '_astro');
const htmlOf = (route: string) => readFileSync(join(builtSiteDir, route.endsWith('.html') ? route : join(route, 'index.html')), 'utf8');
const files = (extension: string) =>
	readdirSync(assets)
		.filter((file) => file.endsWith(extension))
		.map((file) => ({ file, text: readFileSync(join(assets, file), 'utf8') }));

describe('the built site', () => {
	it("has no copy of Vite's preload helper (src/integrations/lean-preload.ts)", () => {
		// Vite's helper dispatches this event when a chunk fails to load; the stand-in is only `(load) => load()`.
		const withHelper = files('.js').filter(({ text }) => text.includes('vite:preloadError')).map(({ file }) => file);
		expect(
			withHelper,
			"src/integrations/lean-preload.ts no longer replaces Vite's preload helper: compare its preloadHelperId with Vite's " +
				'(node_modules/vite/dist/node/chunks/, preloadHelperId). These scripts carry the full helper:',
		).toEqual([]);
	});

	it("has no script that saves the sidebar's state (src/integrations/no-sidebar-state.ts)", () => {
		const saving = files('.js').filter(({ text }) => text.includes('sl-sidebar-state')).map(({ file }) => file);
		const pages = allPages(builtSiteDir).filter((route) => htmlOf(route).includes('sl-sidebar-state'));
		expect(
			[...saving, ...pages],
			"src/integrations/no-sidebar-state.ts no longer leaves out Starlight's SidebarPersistState script: compare its " +
				"saveScript with the <script src> of node_modules/@astrojs/starlight/dist/components/Page.astro. Found in:",
		).toEqual([]);
	});

	it('sets the theme with the minified theme-script.js in every page\'s head, and no script of Starlight\'s own', async () => {
		const source = readFileSync(join(projectRoot, 'src/components/theme/theme-script.js'), 'utf8');
		const { code } = await transform(source, { minify: true });
		for (const route of allPages(builtSiteDir)) {
			const html = htmlOf(route);
			const head = html.slice(0, html.indexOf('</head>'));
			expect(head, `${route}: src/components/ThemeProvider.astro's script is not in the head`).toContain(`<script>${code}</script>`);
			// Starlight's ThemeProvider reads `storedTheme`; its ThemeSelect defines a class StarlightThemeSelect.
			expect(html, `${route}: Starlight's own theme script is back; compare the overrides in astro.config.mjs`).not.toMatch(/storedTheme|StarlightThemeSelect/);
		}
	});

	it("loads the search dialog's styles and Pagefind's from one lazily fetched stylesheet, and none on first load", () => {
		const css = files('.css');
		const searchStyles = css.filter(({ text }) => text.includes('site-search dialog'));
		expect(searchStyles.map(({ file }) => file), 'src/components/search/pagefind-ui.css should build into one stylesheet').toHaveLength(1);
		expect(
			searchStyles[0]!.text,
			"Pagefind's UI stylesheet, which src/components/search/pagefind-ui.css @imports as Starlight does, is missing from it",
		).toContain('.pagefind-ui__result');
		const lesson = htmlOf(lessonRoutes(builtSiteDir)[0]!);
		expect(lesson, 'the search styles are linked from the page itself: they should load when search is first used').not.toContain(searchStyles[0]!.file);
	});
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preloadHelperId } from '../../src/integrations/lean-preload.ts';
import { saveScript } from '../../src/integrations/no-sidebar-state.ts';
import { projectRoot } from '../support/paths.ts';

/**
 * The places where the site relies on what Vite, Starlight or the links validator do inside, with
 * no public API to ask (docs/maintaining.md, "What the site relies on inside its dependencies").
 * Each check reads the installed package, so an upgrade that changes the fact fails here, naming
 * the project's file, what it relies on and what to compare, instead of the site changing silently.
 * What the build makes of them is checked in tests/site/upstream-internals.test.ts.
 */
const modules = join(projectRoot, 'node_modules');
const read = (path: string) => readFileSync(join(modules, path), 'utf8');
const version = (name: string) => (JSON.parse(read(`${name}/package.json`)) as { version: string }).version;
const stylesOf = (source: string) => [...source.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]).join('\n');

/** `property: value` of every declaration in some CSS, comments left out and spaces evened. */
function declarations(css: string): Set<string> {
	const found = css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([a-z-]+)\s*:\s*([^;{}]+);/g);
	return new Set([...found].map(([, property, value]) => `${property}: ${value!.trim().replace(/\s+/g, ' ')}`));
}

describe("Vite's preload helper (src/integrations/lean-preload.ts)", () => {
	it('is still the module the lean stand-in replaces', () => {
		const chunks = join(modules, 'vite/dist/node/chunks');
		const sources = readdirSync(chunks).filter((file) => file.endsWith('.js')).map((file) => readFileSync(join(chunks, file), 'utf8'));
		// As Vite's source spells it: "\0vite/…".
		const written = `"${preloadHelperId.replace('\0', '\\0')}"`;
		expect(
			sources.some((source) => source.includes(`preloadHelperId = ${written}`)),
			`src/integrations/lean-preload.ts replaces Vite's preload helper by its module id ${written}, which Vite ${version('vite')} ` +
				`no longer defines. Find preloadHelperId in node_modules/vite/dist/node/chunks/ (the build's import analysis), compare ` +
				`the code it wraps around each dynamic import() with the stand-in's \`(load) => load()\`, then update preloadHelperId.`,
		).toBe(true);
	});
});

describe("Starlight's sidebar-state script (src/integrations/no-sidebar-state.ts)", () => {
	it('is still the file every page loads, at the path the plugin stubs', () => {
		const page = read('@astrojs/starlight/dist/components/Page.astro');
		const src = /<script src="\.\.\/(components-internals\/SidebarPersistState)"/.exec(page)?.[1];
		const file = `@astrojs/starlight/dist/${src}.js`;
		expect(
			src !== undefined && saveScript.test(join(modules, file)),
			`src/integrations/no-sidebar-state.ts stubs Starlight's sidebar-state script by its path (${saveScript}), ` +
				`but Starlight ${version('@astrojs/starlight')}'s Page.astro no longer loads it from there. Find the script that saves ` +
				`the sidebar's state (sessionStorage "sl-sidebar-state") in node_modules/@astrojs/starlight/dist/components/Page.astro ` +
				`and point saveScript at it.`,
		).toBe(true);
	});
});

describe("Starlight's search styles, copied into src/components/search/pagefind-ui.css", () => {
	// Deliberate differences from Starlight's own declarations, each with why.
	const changed = new Map([
		// The dialog's styles load before Pagefind's, which defines the scale: a fallback until it has.
		['height: calc(64px * var(--pagefind-ui-scale))', 'height: calc(64px * var(--pagefind-ui-scale, 0.8))'],
	]);

	it("hold every declaration of Starlight's Search.astro", () => {
		const upstream = declarations(stylesOf(read('@astrojs/starlight/dist/components/Search.astro')));
		const ours = declarations(
			stylesOf(readFileSync(join(projectRoot, 'src/components/Search.astro'), 'utf8')) +
				readFileSync(join(projectRoot, 'src/components/search/pagefind-ui.css'), 'utf8'),
		);
		const missing = [...upstream].filter((declaration) => !ours.has(changed.get(declaration) ?? declaration));
		expect(
			missing,
			`Starlight ${version('@astrojs/starlight')}'s Search.astro has styles that src/components/search/pagefind-ui.css (the dialog ` +
				`and results) and src/components/Search.astro (the button) lack. Compare the <style> elements of ` +
				`node_modules/@astrojs/starlight/dist/components/Search.astro with both files and carry the change over:`,
		).toEqual([]);
	});

	it("import Pagefind's UI stylesheet as Starlight does, and read the site's Pagefind options from its virtual module", () => {
		const upstream = read('@astrojs/starlight/dist/components/Search.astro');
		const importLine = "@import url('@pagefind/default-ui/css/ui.css') layer(starlight.core);";
		expect(upstream, `src/components/search/pagefind-ui.css copies Starlight's "${importLine}": compare it with Starlight's Search.astro`).toContain(importLine);
		expect(
			upstream,
			'src/components/search/load-search-ui.ts reads the site\'s Pagefind options as `pagefindUserConfig` from Starlight\'s ' +
				"virtual module 'virtual:starlight/pagefind-config'; Starlight's Search.astro no longer does. Import them the way it now does.",
		).toContain("import { pagefindUserConfig } from 'virtual:starlight/pagefind-config';");
	});
});

describe("Starlight's theme contract (src/components/theme/theme-script.js)", () => {
	it("is still a global StarlightThemeProvider.updatePickers() and the storage key 'starlight-theme'", () => {
		const select = read('@astrojs/starlight/dist/components/ThemeSelect.astro');
		const types = read('@astrojs/starlight/dist/global.d.ts');
		const script = readFileSync(join(projectRoot, 'src/components/theme/theme-script.js'), 'utf8');
		const message =
			`src/components/theme/theme-script.js stands in for Starlight's theme scripts: it defines window.StarlightThemeProvider with ` +
			`updatePickers() and keeps the choice in localStorage "starlight-theme". Starlight ${version('@astrojs/starlight')} has changed ` +
			`that contract: compare node_modules/@astrojs/starlight/dist/components/ThemeProvider.astro, ThemeSelect.astro and global.d.ts ` +
			'(StarlightThemeProvider) with the script.';
		expect(select, message).toContain('StarlightThemeProvider.updatePickers(');
		expect(select, message).toContain("'starlight-theme'");
		expect(types, message).toMatch(/var StarlightThemeProvider:\s*{\s*updatePickers\(/);
		expect(script).toContain('window.StarlightThemeProvider =');
		expect(script).toContain("const key = 'starlight-theme';");
	});
});

describe('starlight-links-validator (src/integrations/internal-links.ts)', () => {
	it("fails the build from an integration's astro:build:done hook, with Astro's public AstroError", () => {
		const index = read('starlight-links-validator/index.ts');
		const errors = read('starlight-links-validator/libs/error.ts');
		const message =
			`src/integrations/internal-links.ts wraps the astro:build:done hook of the integration starlight-links-validator adds ` +
			`in config:setup, and recognises its failure as an AstroError from 'astro/errors'. starlight-links-validator ` +
			`${version('starlight-links-validator')} does this differently: compare its index.ts (addIntegration, 'astro:build:done', ` +
			'throwPluginError) and libs/error.ts with the wrapper, and run tests/site/build-errors.test.ts.';
		expect(index, message).toMatch(/'config:setup'\([^)]*addIntegration/);
		expect(index, message).toContain("'astro:build:done'");
		expect(index, message).toMatch(/if \(report\.hasErrors && options\.failOnError\) {\s*throwPluginError\(/);
		expect(errors, message).toContain("import { AstroError } from 'astro/errors'");
		expect(errors, message).toContain('throw new AstroError(');
	});
});

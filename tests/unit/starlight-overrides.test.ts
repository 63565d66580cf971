import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/paths.ts';

/**
 * Starlight components the site replaces with its own, the Starlight release line each one follows,
 * and what to compare when Starlight changes. A copy keeps Starlight's markup, wording and scripts
 * but for its changes, so when Starlight moves on the copy must be compared again: this fails until
 * someone has.
 */
const overrides = [
	{
		component: 'Search',
		file: 'src/components/Search.astro',
		writtenFor: '0.42',
		compare: 'markup, wording, keyboard shortcuts, the dialog and its script',
	},
	{
		component: 'MarkdownContent',
		file: 'src/components/LessonContent.astro',
		writtenFor: '0.42',
		compare: 'the props and slot it wraps, and Astro.locals.starlightRoute (entry, hasSidebar)',
	},
	{
		component: 'Sidebar',
		file: 'src/components/Sidebar.astro',
		writtenFor: '0.42',
		compare: 'the markup around SidebarSublist and MobileMenuFooter, leaving out only the state persistence',
	},
	{
		component: 'ThemeProvider',
		file: 'src/components/ThemeProvider.astro',
		writtenFor: '0.42',
		compare: 'the inline script (storage key, data-theme, updatePickers) against src/components/theme/theme-script.js, and the icon template',
	},
	{
		component: 'ThemeSelect',
		file: 'src/components/ThemeSelect.astro',
		writtenFor: '0.42',
		compare: 'the Select markup, labels and options, and the call that shows the stored choice',
	},
];

const starlight = join(projectRoot, 'node_modules/@astrojs/starlight');
const installed = (JSON.parse(readFileSync(join(starlight, 'package.json'), 'utf8')) as { version: string }).version;

/** The overrides astro.config.mjs gives Starlight: `Name: './src/components/File.astro'` in its `components`. */
function configuredOverrides(): { component: string; file: string }[] {
	const config = readFileSync(join(projectRoot, 'astro.config.mjs'), 'utf8');
	const block = /\bcomponents:\s*\{([^}]*)\}/.exec(config)?.[1] ?? '';
	return [...block.matchAll(/^\s*(\w+):\s*'\.\/([^']+)'/gm)].map(([, component, file]) => ({ component: component!, file: file! }));
}

describe('overrides of Starlight components', () => {
	it('lists every override astro.config.mjs sets, so none is forgotten at an upgrade', () => {
		const listed = overrides.map(({ component, file }) => ({ component, file }));
		expect(configuredOverrides().length, 'no override found in astro.config.mjs: has its `components` block moved?').toBeGreaterThan(0);
		expect(listed, 'add the new override to the list in tests/unit/starlight-overrides.test.ts').toEqual(
			expect.arrayContaining(configuredOverrides()),
		);
		expect(configuredOverrides()).toEqual(expect.arrayContaining(listed));
	});
});

describe.each(overrides)("the override of Starlight's $component", ({ component, file, writtenFor, compare }) => {
	it(`follows the installed Starlight (written for ${writtenFor}.x)`, () => {
		const upstream = `node_modules/@astrojs/starlight/dist/components/${component}.astro`;
		expect(existsSync(join(projectRoot, upstream)), `${upstream} is gone: find where Starlight ${installed} keeps ${component}`).toBe(true);
		expect(
			installed.startsWith(`${writtenFor}.`),
			`Starlight is ${installed}, but ${file} was written for ${writtenFor}.x. Compare it with ${upstream} ` +
				`(${compare}), carry over what changed, then set writtenFor to the new version in tests/unit/starlight-overrides.test.ts.`,
		).toBe(true);
	});
});

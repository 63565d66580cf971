/**
 * What each reliance on Vite's and Starlight's insides saves: builds the site as it is and once
 * without each of them (Starlight's or Vite's own behaviour back), and prints the first load of a
 * lesson and of the course overview, gzip, for each (docs/maintaining.md, "What the site relies on
 * inside its dependencies").
 *
 * Run: npm run bench:internals. The builds are scratch copies under tests/.output/fixtures/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixtureSite } from '../support/fixture-site.ts';
import { measureFirstLoad } from '../support/first-load.ts';
import { projectRoot } from '../support/paths.ts';
import { lessonRoutes } from '../support/site-pages.ts';

interface Variant {
	name: string;
	/** What the variant gives up: the file that relies on an internal, and what comes back instead. */
	without: string;
	/** Files of the copy, rewritten from the project's: [path, pattern, replacement]. */
	edits: [string, RegExp, string][];
}

const variants: Variant[] = [
	{ name: 'site', without: '', edits: [] },
	{
		name: 'no-lean-preload',
		without: "src/integrations/lean-preload.ts (Vite's own preload helper)",
		edits: [['src/integrations/course-build.ts', /leanPreload\(\), /, '']],
	},
	{
		name: 'no-sidebar-state',
		without: "src/integrations/no-sidebar-state.ts (Starlight's sidebar-state script)",
		edits: [['src/integrations/course-build.ts', /, noSidebarState\(\)/, '']],
	},
	{
		name: 'starlight-search',
		without: "src/components/Search.astro with search/pagefind-ui.css (Starlight's Search: Pagefind's UI on every load)",
		edits: [['astro.config.mjs', /^\s*Search: '[^']+',$/m, '']],
	},
	{
		name: 'starlight-theme',
		without: "src/components/ThemeProvider.astro, ThemeSelect.astro and theme/theme-script.js (Starlight's theme scripts)",
		edits: [
			['astro.config.mjs', /^\s*ThemeProvider: '[^']+',$/m, ''],
			['astro.config.mjs', /^\s*ThemeSelect: '[^']+',$/m, ''],
		],
	},
];

function editedFiles(edits: Variant['edits']): Record<string, string> {
	const files: Record<string, string> = {};
	for (const [path, pattern, replacement] of edits) {
		const text = files[path] ?? readFileSync(join(projectRoot, path), 'utf8');
		if (!pattern.test(text)) throw new Error(`${path} has changed: ${pattern} no longer matches; update tests/bench/internals.ts`);
		files[path] = text.replace(pattern, replacement);
	}
	return files;
}

const rows: { variant: Variant; lesson: number; overview: number }[] = [];
for (const variant of variants) {
	const built = await buildFixtureSite(`internals-${variant.name}`, editedFiles(variant.edits));
	if (built.code !== 0) throw new Error(`the ${variant.name} build failed:\n${built.output}`);
	const lesson = lessonRoutes(built.dist)[0]!;
	rows.push({
		variant,
		lesson: measureFirstLoad(built.dist, lesson).total.gzip,
		overview: measureFirstLoad(built.dist, '').total.gzip,
	});
}

const [site, ...others] = rows;
console.log(`\nFirst load, gzip bytes, ${new Date().toISOString()} (npm run bench:internals)\n`);
console.log('| build | lesson | overview | the site saves per lesson page | per overview |');
console.log('|---|---:|---:|---:|---:|');
console.log(`| the site as it is | ${site!.lesson} | ${site!.overview} | | |`);
for (const row of others) {
	console.log(`| without ${row.variant.without} | ${row.lesson} | ${row.overview} | ${row.lesson - site!.lesson} | ${row.overview - site!.overview} |`);
}

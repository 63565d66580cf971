import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/paths.ts';

const starlight = join(projectRoot, 'node_modules/@astrojs/starlight/dist');
const ownStylesheet = readFileSync(join(projectRoot, 'src/print/print.css'), 'utf8');

/** `--name: value` declarations of the first block that follows `selector`, comments left out. */
function declarations(css: string, selector: string): Map<string, string> {
	const start = css.indexOf(selector);
	if (start < 0) throw new Error(`${selector} not found`);
	const block = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start)).replace(/\/\*[\s\S]*?\*\//g, '');
	return new Map([...block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((match) => [match[1]!, match[2]!.replace(/\s+/g, ' ').trim()]));
}

/**
 * src/print/print.css stands in for Starlight's print stylesheet (src/print/integration.ts) and
 * carries Starlight's light palette: both hold only while Starlight stays as it is now.
 */
describe('the print stylesheet in place of Starlight\'s', () => {
	it('replaces the stylesheet Starlight\'s page imports, by the path the integration answers', () => {
		const page = readFileSync(join(starlight, 'components/Page.astro'), 'utf8');
		expect(page).toContain("import printHref from '../style/print.css?url&no-inline';");
		expect(page).toMatch(/<link rel="stylesheet" href=\{printHref\} media="print"/);
	});

	it('prints in Starlight\'s light colours, every one of them, whatever the theme', () => {
		const light = declarations(readFileSync(join(starlight, 'style/props.css'), 'utf8'), ":root[data-theme='light']");
		const colours = new Map([...light].filter(([name]) => name.startsWith('--sl-color-') && name !== '--sl-color-backdrop-overlay'));
		expect(colours.size).toBeGreaterThan(20);
		expect(declarations(ownStylesheet, ':root {')).toEqual(colours);
	});
});

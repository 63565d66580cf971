import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagrams } from '../../src/diagrams/index.ts';
import { projectRoot } from '../support/paths.ts';

const imgDir = join(projectRoot, 'public', 'img');
const fix = 'run `npm run diagrams` and commit public/img';

describe('the diagram SVGs the site serves', () => {
	it.each(diagrams.map((d) => [d.name, d] as const))('%s: the committed SVG is what its source draws now', (name, diagram) => {
		expect(readFileSync(join(imgDir, `${name}.svg`), 'utf8') === diagram.render().svg, `${name}.svg is stale: ${fix}`).toBe(true);
	});

	it.each(diagrams.map((d) => [d.name, d] as const))('%s: is sized to its display size, like the PNG it stands for', (_, diagram) => {
		const { svg, width, height } = diagram.render();
		expect(svg).toMatch(new RegExp(`^<svg [^>]*width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`));
	});

	it.each(diagrams.map((d) => [d.name, d] as const))('%s: defines each glyph outline once and uses every one', (_, diagram) => {
		const { svg } = diagram.render();
		const outlines = [...svg.matchAll(/<path id="([^"]+)" d="([^"]+)"/g)];
		const ids = outlines.map((m) => m[1]);
		const uses = [...svg.matchAll(/<use href="#([^"]+)"/g)].map((m) => m[1]);
		expect(new Set(ids).size).toBe(ids.length);
		expect(new Set(outlines.map((m) => m[2])).size).toBe(outlines.length);
		expect(new Set(uses)).toEqual(new Set(ids));
		// Far more letters drawn than outlines defined: that is where the bytes are saved.
		expect(uses.length).toBeGreaterThan(3 * ids.length);
	});

	it('leaves no SVG and PNG pair in public/img without a diagram source', () => {
		const names = new Set(diagrams.map((d) => d.name));
		const files = readdirSync(imgDir);
		const drawn = files.filter((f) => f.endsWith('.svg') && files.includes(f.replace(/\.svg$/, '.png')));
		expect(drawn.filter((f) => !names.has(f.replace(/\.svg$/, '')))).toEqual([]);
	});
});

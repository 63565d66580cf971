import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse, type Font, type PathCommand } from 'opentype.js/dist/opentype.mjs';

/**
 * The diagrams' typeface, read from an npm package rather than the machine, so that a render is
 * the same everywhere: text is drawn as outlines, and nothing depends on installed fonts.
 * Atkinson Hyperlegible (SIL Open Font License 1.1) was designed for low-vision readers, which
 * suits text that a phone shrinks to half its size. opentype.js reads WOFF but not WOFF2.
 */
const require = createRequire(import.meta.url);

export type Weight = 'regular' | 'bold';

const files: Record<Weight, string> = {
	regular: '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff',
	bold: '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff',
};

const loaded = new Map<Weight, Font>();

export function font(weight: Weight): Font {
	let face = loaded.get(weight);
	if (!face) {
		const bytes = readFileSync(require.resolve(files[weight]));
		face = parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
		loaded.set(weight, face);
	}
	return face;
}

/** Width of a line of text in pixels. */
export function measure(text: string, size: number, weight: Weight): number {
	return font(weight).getAdvanceWidth(text, size);
}

/** One glyph of a line of text: which outline, and where its origin sits on the baseline. */
export interface PlacedGlyph {
	/** Names the outline: the same glyph at the same size and weight always gets the same key. */
	key: string;
	x: number;
	y: number;
}

/**
 * The glyphs of a line of text whose baseline starts at (x, y), kerned as the font says. Throws on
 * a character the font lacks: it would otherwise be drawn as an empty box, and nobody would notice.
 * Spaces and other blank glyphs take their room but are not returned.
 */
export function placeGlyphs(text: string, x: number, y: number, size: number, weight: Weight): PlacedGlyph[] {
	const face = font(weight);
	for (const char of text) {
		if (char !== ' ' && face.charToGlyph(char).index === 0) {
			throw new Error(`The diagram font has no glyph for "${char}" (in "${text}")`);
		}
	}
	const placed: PlacedGlyph[] = [];
	face.forEachGlyph(text, x, y, size, undefined, (glyph, glyphX, glyphY) => {
		if (glyph.getPath(0, 0, size).commands.length === 0) return;
		placed.push({ key: `${weight}/${size}/${glyph.index}`, x: glyphX, y: glyphY });
	});
	return placed;
}

/** SVG path data of the glyph a `placeGlyphs` key names, with its origin at (0, 0). */
export function glyphOutline(key: string): string {
	const [weight, size, index] = key.split('/') as [Weight, string, string];
	return toPathData(font(weight).glyphs.get(Number(index)).getPath(0, 0, Number(size)).commands);
}

/**
 * Serialises outline commands ourselves: opentype.js 2.0's `toPathData` rounds through a string
 * ("1e-15e+2") and writes NaN for coordinates a hair off an integer, which truncates the text.
 * Relative commands at 0.05 px keep each outline short (a quarter fewer bytes gzipped than absolute
 * ones at 0.01 px); 0.05 px is a fifth of a device pixel even when the zoom view enlarges 4 times.
 * The font's zero-length lines (a contour that closes on its start) are dropped.
 */
function toPathData(commands: PathCommand[]): string {
	const round = (v: number) => Math.round(v * 20) / 20;
	const number = (v: number) => String(round(v)).replace(/^(-?)0\./, '$1.');
	let current = { x: 0, y: 0 };
	let start = current;
	const offset = (x: number, y: number) => {
		const dy = number(round(y) - round(current.y));
		return `${number(round(x) - round(current.x))}${dy.startsWith('-') ? '' : ' '}${dy}`;
	};
	let data = '';
	for (const c of commands) {
		if (c.type === 'Z') {
			data += 'z';
			current = start;
			continue;
		}
		if (c.type === 'L' && round(c.x) === round(current.x) && round(c.y) === round(current.y)) continue;
		switch (c.type) {
			case 'M':
			case 'L':
				data += `${c.type.toLowerCase()}${offset(c.x, c.y)}`;
				break;
			case 'Q':
				data += `q${offset(c.x1, c.y1)} ${offset(c.x, c.y)}`;
				break;
			case 'C':
				data += `c${offset(c.x1, c.y1)} ${offset(c.x2, c.y2)} ${offset(c.x, c.y)}`;
		}
		current = { x: c.x, y: c.y };
		if (c.type === 'M') start = current;
	}
	return data;
}

/** Breaks text into lines no wider than `width`, at spaces. A single word wider than that is an error. */
export function wrap(text: string, width: number, size: number, weight: Weight): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		if (measure(candidate, size, weight) <= width) {
			line = candidate;
			continue;
		}
		if (!line) throw new Error(`"${word}" is wider than ${width}px at ${size}px`);
		lines.push(line);
		line = word;
	}
	if (line) lines.push(line);
	return lines;
}

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

/**
 * SVG path data for a line of text whose baseline starts at (x, y). Throws on a character the
 * font lacks: it would otherwise be drawn as an empty box, and nobody would notice.
 */
export function textPath(text: string, x: number, y: number, size: number, weight: Weight): string {
	const face = font(weight);
	for (const char of text) {
		if (char !== ' ' && face.charToGlyph(char).index === 0) {
			throw new Error(`The diagram font has no glyph for "${char}" (in "${text}")`);
		}
	}
	return toPathData(face.getPath(text, x, y, size).commands);
}

/**
 * Serialises outline commands ourselves: opentype.js 2.0's `toPathData` rounds through a string
 * ("1e-15e+2") and writes NaN for coordinates a hair off an integer, which truncates the text.
 */
function toPathData(commands: PathCommand[]): string {
	const n = (v: number) => String(Math.round(v * 100) / 100);
	return commands
		.map((c) => {
			switch (c.type) {
				case 'M':
				case 'L':
					return `${c.type}${n(c.x)} ${n(c.y)}`;
				case 'Q':
					return `Q${n(c.x1)} ${n(c.y1)} ${n(c.x)} ${n(c.y)}`;
				case 'C':
					return `C${n(c.x1)} ${n(c.y1)} ${n(c.x2)} ${n(c.y2)} ${n(c.x)} ${n(c.y)}`;
				case 'Z':
					return 'Z';
			}
		})
		.join('');
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

// opentype.js 2 ships no type declarations; these cover the few calls the diagrams make.
declare module 'opentype.js/dist/opentype.mjs' {
	export type PathCommand =
		| { type: 'M' | 'L'; x: number; y: number }
		| { type: 'Q'; x1: number; y1: number; x: number; y: number }
		| { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
		| { type: 'Z' };
	export interface Path {
		commands: PathCommand[];
	}
	export interface Glyph {
		index: number;
		getPath(x: number, y: number, fontSize: number): Path;
	}
	export interface Font {
		unitsPerEm: number;
		ascender: number;
		descender: number;
		getAdvanceWidth(text: string, fontSize: number): number;
		charToGlyph(char: string): { index: number };
		glyphs: { get(index: number): Glyph };
		forEachGlyph(
			text: string,
			x: number,
			y: number,
			fontSize: number,
			options: undefined,
			callback: (glyph: Glyph, x: number, y: number, fontSize: number) => void,
		): number;
	}
	export function parse(buffer: ArrayBuffer): Font;
}

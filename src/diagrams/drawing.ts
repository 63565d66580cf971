import { glyphOutline, measure, placeGlyphs, wrap, type Weight } from './font.ts';
import { palette } from './palette.ts';

/** A piece of text and the fill behind it, kept so a test can check their contrast. */
export interface TextOnFill {
	text: string;
	colour: string;
	on: string;
}

export interface TextStyle {
	size: number;
	weight: Weight;
	colour: string;
	/** The fill the text is drawn on: every caller must say, so contrast can be checked. */
	on: string;
	anchor?: 'start' | 'middle' | 'end';
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/**
 * A diagram under construction: shapes and text in display pixels, serialised as an SVG of that
 * size. The site serves the SVG; the PNG drawn from it at twice the size is its fallback.
 */
export class Drawing {
	readonly width: number;
	readonly texts: TextOnFill[] = [];
	private readonly parts: string[] = [];
	/** Each glyph outline drawn so far (by its font key), with the short id its uses point at. */
	private readonly glyphIds = new Map<string, string>();

	constructor(width: number) {
		this.width = width;
	}

	rect(x: number, y: number, w: number, h: number, style: { fill: string; stroke?: string; strokeWidth?: number; radius?: number }) {
		const stroke = style.stroke ? ` stroke="${style.stroke}" stroke-width="${style.strokeWidth ?? 2}"` : '';
		this.parts.push(
			`<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="${fmt(h)}" rx="${style.radius ?? 10}" fill="${style.fill}"${stroke}/>`,
		);
	}

	circle(cx: number, cy: number, r: number, fill: string) {
		this.parts.push(`<circle cx="${fmt(cx)}" cy="${fmt(cy)}" r="${fmt(r)}" fill="${fill}"/>`);
	}

	/** A line through `points` with an arrowhead at the last one. */
	arrow(points: [number, number][], colour: string = palette.line, width = 3) {
		if (points.length < 2) throw new Error('An arrow needs two points');
		const head = 12;
		const [tipX, tipY] = points.at(-1)!;
		const [fromX, fromY] = points.at(-2)!;
		const angle = Math.atan2(tipY - fromY, tipX - fromX);
		// Stop the line where the head begins so its square end does not poke through the tip.
		const shaftEnd: [number, number] = [tipX - Math.cos(angle) * head * 0.8, tipY - Math.sin(angle) * head * 0.8];
		const shaft = [...points.slice(0, -1), shaftEnd].map(([x, y]) => `${fmt(x)},${fmt(y)}`).join(' ');
		this.parts.push(
			`<polyline points="${shaft}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-linejoin="round"/>`,
		);
		const wing = (side: number) => {
			const a = angle + side * (Math.PI / 7);
			return `${fmt(tipX - Math.cos(a) * head * 1.4)},${fmt(tipY - Math.sin(a) * head * 1.4)}`;
		};
		this.parts.push(`<polygon points="${fmt(tipX)},${fmt(tipY)} ${wing(1)} ${wing(-1)}" fill="${colour}"/>`);
	}

	/** One line of text with its baseline at y. */
	text(text: string, x: number, y: number, style: TextStyle) {
		const shift = { start: 0, middle: 0.5, end: 1 }[style.anchor ?? 'start'];
		const left = x - shift * measure(text, style.size, style.weight);
		// Each glyph's outline is written once and placed with <use>: the same letters repeat
		// hundreds of times, and outlines at absolute coordinates do not compress.
		const uses = placeGlyphs(text, left, y, style.size, style.weight).map((glyph) => {
			let id = this.glyphIds.get(glyph.key);
			if (!id) {
				id = this.glyphIds.size.toString(36);
				this.glyphIds.set(glyph.key, id);
			}
			return `<use href="#${id}" x="${fmt(glyph.x)}"/>`;
		});
		this.parts.push(`<g fill="${style.colour}" transform="translate(0 ${fmt(y)})">${uses.join('')}</g>`);
		this.texts.push({ text, colour: style.colour, on: style.on });
	}

	/**
	 * Text wrapped to `width`, its first line's top at `top`. Returns the height it took, so the
	 * caller can place what comes next.
	 */
	paragraph(text: string, x: number, top: number, width: number, style: TextStyle): number {
		const lines = wrap(text, width, style.size, style.weight);
		const lineHeight = lineHeightOf(style.size);
		lines.forEach((line, i) => this.text(line, x, top + baselineOffset(style.size) + i * lineHeight, style));
		return lines.length * lineHeight;
	}

	/** Height `paragraph` would take, without drawing. */
	static paragraphHeight(text: string, width: number, style: Pick<TextStyle, 'size' | 'weight'>): number {
		return wrap(text, width, style.size, style.weight).length * lineHeightOf(style.size);
	}

	/**
	 * The finished image: everything on an opaque light card with its own border, so it reads the
	 * same on the site's light and dark themes.
	 */
	toSvg(height: number): string {
		const w = this.width;
		const glyphs = [...this.glyphIds].map(([key, id]) => `<path id="${id}" d="${glyphOutline(key)}"/>`);
		return [
			`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${height}" viewBox="0 0 ${w} ${height}">`,
			`<defs>${glyphs.join('')}</defs>`,
			`<rect x="1" y="1" width="${w - 2}" height="${height - 2}" rx="14" fill="${palette.card}" stroke="${palette.cardBorder}" stroke-width="2"/>`,
			...this.parts,
			'</svg>',
		].join('\n');
	}
}

/** Line spacing for a font size: 1.3 keeps wrapped lines apart at phone scale. */
export function lineHeightOf(size: number): number {
	return Math.round(size * 1.3);
}

/** Distance from a line box's top to its baseline, centring the font's ascent in the line. */
function baselineOffset(size: number): number {
	return Math.round((lineHeightOf(size) - size) / 2 + size * 0.8);
}

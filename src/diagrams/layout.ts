import { Drawing, lineHeightOf, type TextOnFill } from './drawing.ts';
import { palette, tones, type ToneName } from './palette.ts';

/**
 * Shared measures of the four diagrams. They are shown 720 px wide on a laptop and about 340 px
 * on a phone, so the smallest text (24 px) still reads at about 11 px there; layouts stack
 * vertically rather than spreading across, which keeps that text size possible.
 */
export const width = 720;
export const margin = 28;
export const sizes = { heading: 30, title: 27, body: 24 } as const;

export interface Rendered {
	svg: string;
	/** Display size; the SVG (and so the PNG) is twice this. */
	width: number;
	height: number;
	texts: TextOnFill[];
}

export interface Diagram {
	/** File name without extension: public/img/<name>.png. */
	name: string;
	render(): Rendered;
}

/** Starts a diagram with its heading; returns the drawing and the y where content may begin. */
export function begin(heading: string): { drawing: Drawing; y: number } {
	const drawing = new Drawing(width);
	const height = drawing.paragraph(heading, margin, margin - 4, width - 2 * margin, {
		size: sizes.heading,
		weight: 'bold',
		colour: palette.ink,
		on: palette.card,
	});
	return { drawing, y: margin - 4 + height + 18 };
}

export function finish(drawing: Drawing, contentBottom: number): Rendered {
	const height = Math.ceil(contentBottom + margin);
	return { svg: drawing.toSvg(height), width, height, texts: drawing.texts };
}

/** A box's content: a bold title, then lines of plain text (each wrapped on its own). */
export interface BoxContent {
	title: string;
	lines: readonly string[];
	tone: ToneName;
	/** A short mark in a circle at the box's left, such as a step number. */
	badge?: string;
}

const padding = 14;
const badgeRadius = 20;
const gapAfterTitle = 4;

function textColumn(content: BoxContent, boxWidth: number) {
	const indent = content.badge ? badgeRadius * 2 + 14 : 0;
	return { left: padding + indent, width: boxWidth - 2 * padding - indent };
}

export function boxHeight(content: BoxContent, boxWidth: number): number {
	const column = textColumn(content, boxWidth);
	let height = padding * 2 + Drawing.paragraphHeight(content.title, column.width, { size: sizes.title, weight: 'bold' });
	for (const line of content.lines) {
		height += gapAfterTitle + Drawing.paragraphHeight(line, column.width, { size: sizes.body, weight: 'regular' });
	}
	return height;
}

/** Draws a box at (x, y) and returns its height. */
export function box(drawing: Drawing, x: number, y: number, boxWidth: number, content: BoxContent, minHeight = 0): number {
	const tone = tones[content.tone];
	const height = Math.max(boxHeight(content, boxWidth), minHeight);
	drawing.rect(x, y, boxWidth, height, { fill: tone.fill, stroke: tone.border, strokeWidth: 2.5 });
	const column = textColumn(content, boxWidth);
	if (content.badge) {
		const cy = y + padding + lineHeightOf(sizes.title) / 2;
		drawing.circle(x + padding + badgeRadius, cy, badgeRadius, tone.title);
		drawing.text(content.badge, x + padding + badgeRadius, cy + sizes.body * 0.35, {
			size: sizes.body,
			weight: 'bold',
			colour: palette.white,
			on: tone.title,
			anchor: 'middle',
		});
	}
	let top = y + padding;
	top += drawing.paragraph(content.title, x + column.left, top, column.width, {
		size: sizes.title,
		weight: 'bold',
		colour: tone.title,
		on: tone.fill,
	});
	for (const line of content.lines) {
		top += gapAfterTitle;
		top += drawing.paragraph(line, x + column.left, top, column.width, {
			size: sizes.body,
			weight: 'regular',
			colour: tone.text,
			on: tone.fill,
		});
	}
	return height;
}

/** A short label centred in a gap, drawn on the card. */
export function label(drawing: Drawing, text: string, x: number, y: number, anchor: 'start' | 'middle' | 'end' = 'start') {
	drawing.text(text, x, y, { size: sizes.body, weight: 'regular', colour: palette.muted, on: palette.card, anchor });
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { diagrams } from '../../src/diagrams/index.ts';
import { contrastRatio, luminance, palette, tones } from '../../src/diagrams/palette.ts';
import { projectRoot } from '../support/paths.ts';

/** WCAG 2.x AA for normal-size text. */
const AA = 4.5;

describe('contrast arithmetic', () => {
	it('matches WCAG reference values', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
		expect(luminance('#ffffff')).toBe(1);
		expect(() => luminance('red')).toThrow();
	});
});

describe('the diagram palette', () => {
	it.each(Object.entries(tones))('%s boxes: title and text are AA on the fill', (_, tone) => {
		expect(contrastRatio(tone.title, tone.fill)).toBeGreaterThanOrEqual(AA);
		expect(contrastRatio(tone.text, tone.fill)).toBeGreaterThanOrEqual(AA);
		expect(contrastRatio(palette.white, tone.title)).toBeGreaterThanOrEqual(AA);
	});

	it('card text is AA on the card', () => {
		expect(contrastRatio(palette.ink, palette.card)).toBeGreaterThanOrEqual(AA);
		expect(contrastRatio(palette.muted, palette.card)).toBeGreaterThanOrEqual(AA);
	});

	it.each(diagrams.map((d) => [d.name, d] as const))('%s: every text drawn is AA on the fill it is drawn on', (_, diagram) => {
		const texts = diagram.render().texts;
		expect(texts.length).toBeGreaterThan(3);
		for (const { text, colour, on } of texts) {
			expect(contrastRatio(colour, on), `"${text}" ${colour} on ${on}`).toBeGreaterThanOrEqual(AA);
		}
	});
});

/** The colour of the PNG nearest to `hex`: what the palette quantiser made of it. */
function nearest(hex: string, colours: Set<number>): string {
	const v = Number.parseInt(hex.slice(1), 16);
	let best = 0;
	let distance = Infinity;
	for (const c of colours) {
		const d = Math.abs((c >> 16) - (v >> 16)) + Math.abs(((c >> 8) & 255) - ((v >> 8) & 255)) + Math.abs((c & 255) - (v & 255));
		if (d < distance) [best, distance] = [c, d];
	}
	return `#${best.toString(16).padStart(6, '0')}`;
}

describe('the served PNGs', () => {
	it.each(diagrams.map((d) => [d.name, d] as const))('%s: text stays AA after palette quantisation', async (name, diagram) => {
		const { data, info } = await sharp(readFileSync(join(projectRoot, 'public/img', `${name}.png`)))
			.raw()
			.toBuffer({ resolveWithObject: true });
		const colours = new Set<number>();
		for (let i = 0; i < data.length; i += info.channels) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
		for (const { text, colour, on } of diagram.render().texts) {
			const [served, behind] = [nearest(colour, colours), nearest(on, colours)];
			expect(contrastRatio(served, behind), `"${text}" ${served} on ${behind}`).toBeGreaterThanOrEqual(AA);
		}
	});
});

/**
 * The diagrams' colours. Every diagram sits on its own light card, so one palette reads the same
 * on the site's light and dark themes. Each text colour is checked against the fill it is drawn
 * on (tests/unit/diagram-contrast.test.ts): WCAG AA asks for 4.5:1 for text of this size.
 */
export const palette = {
	card: '#f7f8fa',
	cardBorder: '#8a94a3',
	ink: '#17202c',
	muted: '#3b4553',
	line: '#3b4553',
	white: '#ffffff',
} as const;

/** A box style: its fill, its border and the colours of the text drawn on it. */
export interface Tone {
	fill: string;
	border: string;
	title: string;
	text: string;
}

export const tones = {
	blue: { fill: '#e4eefb', border: '#173e73', title: '#173e73', text: '#17202c' },
	green: { fill: '#e3f3e8', border: '#18502e', title: '#18502e', text: '#17202c' },
	orange: { fill: '#fcebdc', border: '#6b3410', title: '#6b3410', text: '#17202c' },
	purple: { fill: '#eee8fa', border: '#43277a', title: '#43277a', text: '#17202c' },
} as const satisfies Record<string, Tone>;

export type ToneName = keyof typeof tones;

/** Relative luminance of an sRGB colour written #rrggbb (WCAG 2.x definition). */
export function luminance(hex: string): number {
	const match = /^#([0-9a-f]{6})$/i.exec(hex);
	if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
	const value = Number.parseInt(match[1]!, 16);
	const channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map((channel) => {
		const c = channel / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!;
}

/** WCAG contrast ratio between two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (light + 0.05) / (dark + 0.05);
}

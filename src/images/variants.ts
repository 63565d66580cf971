import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import sharp from 'sharp';
import { isRootRelative, publicFilePath } from '../public-file.ts';
import { displaySize } from './display-size.ts';

/** The widest a lesson image is shown: Starlight's content column (`--sl-content-width: 45rem`). */
export const columnWidth = 720;

/**
 * Where smaller and modern copies are made: raster images under public/img. Files elsewhere in
 * public/ are served as they are.
 */
export const imageFolder = 'img';
const rasterExtensions = new Set(['.png', '.jpg', '.jpeg']);

/**
 * Encoder settings, chosen by comparing screenshots and photos at twice their display size (see
 * the README, "Add an image"). AVIF keeps full colour resolution (4:4:4) so coloured text in
 * screenshots keeps its edges; WebP's smart subsampling does the same job within 4:2:0.
 */
export const formats = [
	{ format: 'avif', type: 'image/avif', options: { quality: 60, effort: 4, chromaSubsampling: '4:4:4' } },
	{ format: 'webp', type: 'image/webp', options: { quality: 85, effort: 4, smartSubsample: true } },
] as const;

export type Format = (typeof formats)[number]['format'];

export interface Candidate {
	url: string;
	width: number;
}

/** How a content image is served: its drawn original, or modern formats at several widths. */
export type ImagePlan =
	| { kind: 'vector'; url: string }
	| { kind: 'raster'; sources: { type: string; format: Format; candidates: Candidate[] }[]; sizes: string };

/** One file the build writes (and the dev server answers): `source` encoded at `width` in `format`. */
export interface Variant extends Candidate {
	source: string;
	format: Format;
}

/**
 * The widths a raster image is offered at: as wide as it is shown (1x), twice that (2x, for
 * high-density screens) and up to four times (the zoom view, and 3x phones on a laptop-sized
 * column), never wider than the file itself.
 */
export function candidateWidths(shown: number, pixelWidth: number): number[] {
	return [...new Set([shown, 2 * shown, 4 * shown].map((width) => Math.min(width, pixelWidth)))];
}

/**
 * The `sizes` of an image shown `shown` px wide at most: the full column once the viewport leaves
 * room for it, else the viewport less Starlight's content padding (1 rem a side on phones). Wider
 * layouts with a sidebar show it narrower than this says, so a browser may take one size up there:
 * never a blurry image, at worst a few KB more.
 */
export function sizesFor(shown: number): string {
	return `(min-width: ${shown + 32}px) ${shown}px, calc(100vw - 2rem)`;
}

const planCache = new Map<string, Promise<ImagePlan | undefined>>();

/**
 * What to serve for a root-relative image URL as an author wrote it. A PNG with an SVG of the same
 * name beside it is a drawn diagram: the SVG is lighter and sharp at every zoom, and the PNG stays
 * as the fallback. Other PNG and JPEG files under public/img get AVIF and WebP copies; anything else
 * (SVG, GIF, external URLs, missing files) is served as it is.
 */
export function planImage(publicDir: string, url: string): Promise<ImagePlan | undefined> {
	if (!isRootRelative(url)) return Promise.resolve(undefined);
	const file = publicFilePath(publicDir, url);
	const extension = extname(file).toLowerCase();
	if (!rasterExtensions.has(extension) || !existsSync(file)) return Promise.resolve(undefined);
	const drawn = file.slice(0, -extension.length) + '.svg';
	if (existsSync(drawn)) return Promise.resolve({ kind: 'vector', url: url.replace(/\.[^./?#]+(?=[?#]|$)/, '.svg') });
	if (!isUnder(join(publicDir, imageFolder), file)) return Promise.resolve(undefined);
	const key = `${file}@${statSync(file).mtimeMs}`;
	let plan = planCache.get(key);
	if (!plan) {
		plan = rasterPlan(publicDir, file);
		planCache.set(key, plan);
	}
	return plan;
}

async function rasterPlan(publicDir: string, file: string): Promise<ImagePlan | undefined> {
	const size = await displaySize(file);
	if (!size) return undefined;
	const shown = Math.min(size.width, columnWidth);
	const widths = candidateWidths(shown, size.pixelWidth);
	const stem = relative(publicDir, file).split(sep).join('/').replace(/\.[^.]+$/, '');
	const hash = contentHash(file);
	return {
		kind: 'raster',
		sizes: sizesFor(shown),
		sources: formats.map(({ format, type }) => ({
			type,
			format,
			// Named by content and settings, so a host may cache them for good (like Astro's /_astro/ files).
			// Commas would split a srcset candidate: encodeURI leaves them, so they are escaped too.
			candidates: widths.map((width) => ({ url: encodeURI(`/_astro/${stem}.${hash}.${width}.${format}`).replaceAll(',', '%2C'), width })),
		})),
	};
}

function contentHash(file: string): string {
	return createHash('sha256').update(readFileSync(file)).update(JSON.stringify(formats)).digest('hex').slice(0, 8);
}

function isUnder(folder: string, file: string): boolean {
	const path = relative(folder, file);
	return path !== '' && !path.startsWith('..') && !path.startsWith(sep);
}

/** Every file the build must write for the images under public/img. */
export async function allVariants(publicDir: string): Promise<Variant[]> {
	const root = join(publicDir, imageFolder);
	if (!existsSync(root)) return [];
	const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).map((path) => join(root, path));
	const variants: Variant[] = [];
	for (const file of files.sort()) {
		const url = '/' + relative(publicDir, file).split(sep).join('/');
		const plan = await planImage(publicDir, url);
		if (plan?.kind !== 'raster') continue;
		for (const source of plan.sources) {
			for (const candidate of source.candidates) variants.push({ ...candidate, source: file, format: source.format });
		}
	}
	return variants;
}

/** Encodes one variant: resized (never enlarged), turned upright as its EXIF says, in its format. */
export function encodeVariant(variant: Variant): Promise<Buffer> {
	const { options } = formats.find((f) => f.format === variant.format)!;
	const image = sharp(variant.source).autoOrient().resize({ width: variant.width, withoutEnlargement: true });
	return (variant.format === 'avif' ? image.avif(options) : image.webp(options)).toBuffer();
}

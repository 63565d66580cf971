import { statSync } from 'node:fs';
import sharp from 'sharp';

export interface Size {
	width: number;
	height: number;
}

const cache = new Map<string, Promise<(Size & { pixelWidth: number }) | undefined>>();

/**
 * Display size of an image file: its pixels divided by its pixel ratio (density / 72 dpi). A PNG
 * saved at 144 dpi (as `npm run diagrams` writes) is drawn at twice its display size; an image with
 * no density, or 72 dpi, is shown at its pixel size. `pixelWidth` is the file's own width.
 */
export function displaySize(file: string) {
	// Keyed by modification time too, so a dev server picks up a re-rendered diagram.
	const key = `${file}@${statSync(file).mtimeMs}`;
	let size = cache.get(key);
	if (!size) {
		size = sharp(file)
			.metadata()
			.then(({ width, height, density }) => {
				if (!width || !height) return undefined;
				const ratio = density && density > 72 ? Math.max(1, Math.round(density / 72)) : 1;
				return { width: Math.round(width / ratio), height: Math.round(height / ratio), pixelWidth: width };
			});
		cache.set(key, size);
	}
	return size;
}

import sharp from 'sharp';

/**
 * Pixel density of each PNG: 144 dpi draws the SVG at twice its display size, for high-density
 * screens, and says so in the file; the site's image plugin reads it back to give the <img> its
 * display width and height.
 */
export const diagramDensity = 144;

/**
 * SVG to an optimised PNG: an 8-bit palette (libvips gives 16 colours or 256, and 16 shifts the
 * fills and text colours visibly). Quality 70 lets the quantiser merge near-identical edge shades:
 * a third fewer bytes than 100, while the palette's colours survive within a few levels (the
 * contrast test measures the colours in the PNGs, not only the palette). No dithering: smaller,
 * and the same bytes run to run.
 */
export function renderPng(svg: string): Promise<Buffer> {
	return sharp(Buffer.from(svg), { density: diagramDensity })
		.withDensity(diagramDensity)
		.png({ palette: true, quality: 70, dither: 0, compressionLevel: 9, effort: 10 })
		.toBuffer();
}

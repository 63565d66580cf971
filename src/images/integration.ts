import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { allVariants, encodeVariant, formats, type Variant } from './variants.ts';

/**
 * Makes the AVIF and WebP copies that responsive lesson images point at (src/images/variants.ts
 * decides which). `astro build` writes them into the output folder, reusing earlier encodings from
 * Astro's cache folder; `astro dev` encodes each one when the browser first asks for it. Astro's
 * own image service only handles images imported into a page, not files in public/ referenced by
 * a root-relative path, which is how lessons refer to theirs.
 */
export function responsiveImages(options: { publicDir: string }): AstroIntegration {
	let base = '/';
	let cacheDir = '';
	return {
		name: 'course:responsive-images',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base;
				cacheDir = join(fileURLToPath(config.cacheDir), 'responsive-images');
			},
			'astro:server:setup': ({ server }) => {
				server.middlewares.use(devVariantHandler(options.publicDir, base));
			},
			'astro:build:done': async ({ dir, logger }) => {
				const variants = await allVariants(options.publicDir);
				let encoded = 0;
				// All at once: sharp runs them on libuv's thread pool, so every core encodes, and the pool's
				// size bounds how many images are decoded in memory at a time.
				await Promise.all(
					variants.map(async (variant) => {
						const cached = join(cacheDir, variant.url.split('/').pop()!);
						let bytes: Buffer;
						if (existsSync(cached)) bytes = readFileSync(cached);
						else {
							bytes = await encodeVariant(variant);
							encoded += 1;
							mkdirSync(cacheDir, { recursive: true });
							writeFileSync(cached, bytes);
						}
						const out = join(fileURLToPath(dir), decodeURI(variant.url));
						mkdirSync(dirname(out), { recursive: true });
						writeFileSync(out, bytes);
					}),
				);
				if (variants.length > 0) logger.info(`${variants.length} image copies written (${encoded} encoded, the rest from the cache)`);
			},
		},
	};
}

/** Dev-server middleware: answers a variant URL with the image encoded on first request. */
export function devVariantHandler(publicDir: string, base: string) {
	const prefix = base.replace(/\/$/, '');
	const encoded = new Map<string, Promise<Buffer>>();
	return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
		const path = (req.url ?? '').replace(/[?#].*$/, '');
		if (!path.startsWith(`${prefix}/_astro/`) || !formats.some(({ format }) => path.endsWith(`.${format}`))) return next();
		const url = path.slice(prefix.length);
		allVariants(publicDir)
			.then((variants) => {
				const variant = variants.find((v) => v.url === url);
				if (!variant) return next();
				if (!encoded.has(variant.url)) encoded.set(variant.url, encodeVariant(variant));
				return encoded.get(variant.url)!.then((bytes) => {
					res.setHeader('Content-Type', typeOf(variant));
					res.end(bytes);
				});
			})
			.catch((error: unknown) => {
				res.statusCode = 500;
				res.end(String(error));
			});
	};
}

function typeOf(variant: Variant): string {
	return formats.find((f) => f.format === variant.format)!.type;
}

import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { devVariantHandler } from '../../src/images/integration.ts';
import { allVariants, encodeVariant, planImage } from '../../src/images/variants.ts';

const publicDir = mkdtempSync(join(tmpdir(), 'image-variants-'));

beforeAll(async () => {
	mkdirSync(join(publicDir, 'img', 'screens'), { recursive: true });
	const noise = (width: number, height: number) =>
		sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } });
	writeFileSync(join(publicDir, 'img', 'screens', 'console.png'), await noise(1600, 900).png().toBuffer());
	writeFileSync(join(publicDir, 'img', 'drawn.png'), await noise(200, 100).png().toBuffer());
	writeFileSync(join(publicDir, 'img', 'drawn.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
	writeFileSync(join(publicDir, 'img', 'notes.txt'), 'not an image');
});

describe('the copies the build writes', () => {
	it('are every width and format of every PNG and JPEG under public/img that is not a drawn diagram', async () => {
		const variants = await allVariants(publicDir);
		expect(variants.map((v) => `${v.format} ${v.width}`)).toEqual(['avif 720', 'avif 1440', 'avif 1600', 'webp 720', 'webp 1440', 'webp 1600']);
		for (const v of variants) expect(v.url).toMatch(new RegExp(`^/_astro/img/screens/console\\.[0-9a-f]{8}\\.${v.width}\\.${v.format}$`));
	});

	it('are named by their content: a changed image gets new names', async () => {
		const file = join(publicDir, 'img', 'changing.png');
		writeFileSync(file, await sharp({ create: { width: 300, height: 200, channels: 3, background: '#000000' } }).png().toBuffer());
		const before = (await allVariants(publicDir)).filter((v) => v.source === file).map((v) => v.url);
		writeFileSync(file, await sharp({ create: { width: 300, height: 200, channels: 3, background: '#ffffff' } }).png().toBuffer());
		// The plan is kept per modification time; make sure this one differs even on a coarse clock.
		utimesSync(file, new Date(), new Date(Date.now() + 5000));
		const after = (await allVariants(publicDir)).filter((v) => v.source === file).map((v) => v.url);
		expect(after).toHaveLength(2);
		expect(after.filter((url) => before.includes(url))).toEqual([]);
	});

	it('are encoded at their width in their format', async () => {
		const [avif, webp] = (await allVariants(publicDir)).filter((v) => v.width === 720 && v.source.endsWith('console.png'));
		const [a, w] = await Promise.all([encodeVariant(avif!), encodeVariant(webp!)].map(async (bytes) => sharp(await bytes).metadata()));
		expect({ format: a!.format, compression: a!.compression, width: a!.width, height: a!.height }).toEqual({ format: 'heif', compression: 'av1', width: 720, height: 405 });
		expect({ format: w!.format, width: w!.width }).toEqual({ format: 'webp', width: 720 });
	});

	it('are none for a drawn diagram, whose SVG is served instead', async () => {
		expect(await planImage(publicDir, '/img/drawn.png')).toEqual({ kind: 'vector', url: '/img/drawn.svg' });
	});
});

describe('the dev server', () => {
	/** Calls the middleware as Vite's connect server would, and collects what it answers. */
	function request(url: string, base = '/') {
		return new Promise<{ status: number; type?: string; body?: Buffer; passed: boolean }>((resolve) => {
			const headers: Record<string, string> = {};
			const res = {
				statusCode: 200,
				setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
				end(body: Buffer) {
					resolve({ status: this.statusCode, type: headers['content-type'], body, passed: false });
				},
			};
			devVariantHandler(publicDir, base)({ url } as IncomingMessage, res as unknown as ServerResponse, () => resolve({ status: 0, passed: true }));
		});
	}

	it('answers a copy the page points at, encoded on request, under the base path too', async () => {
		const variant = (await allVariants(publicDir)).find((v) => v.format === 'webp' && v.width === 720)!;
		const answer = await request(variant.url);
		expect(answer.type).toBe('image/webp');
		expect((await sharp(answer.body!).metadata()).width).toBe(720);
		const underBase = await request(`/course${variant.url}`, '/course/');
		expect(underBase.type).toBe('image/webp');
	});

	it('leaves every other request to the next handler', async () => {
		expect((await request('/_astro/img/screens/console.00000000.720.avif')).passed).toBe(true);
		expect((await request('/_astro/page.js')).passed).toBe(true);
		expect((await request('/img/drawn.png')).passed).toBe(true);
	});
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import sharp from 'sharp';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { rehypeBasePathLinks } from '../../src/plugins/rehype/base-path-links.ts';
import { rehypeImageAttributes } from '../../src/plugins/rehype/image-attributes.ts';

const publicDir = mkdtempSync(join(tmpdir(), 'image-attributes-'));

beforeAll(async () => {
	const blank = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#ffffff' } });
	writeFileSync(join(publicDir, 'retina.png'), await blank(400, 200).withDensity(144).png().toBuffer());
	writeFileSync(join(publicDir, 'plain.png'), await blank(300, 100).png().toBuffer());
});

async function render(markdown: string, options: { eagerImages?: number; base?: string } = {}) {
	const file = await unified()
		.use(remarkParse)
		.use(remarkRehype)
		.use(rehypeImageAttributes, { publicDir, eagerImages: options.eagerImages ?? 0 })
		.use(rehypeBasePathLinks, { base: options.base ?? '/' })
		.use(rehypeStringify)
		.process(markdown);
	return String(file);
}

describe('rehypeImageAttributes', () => {
	it('shows a 144 dpi image at half its pixels, lazily and decoded off the main thread', async () => {
		expect(await render('![A chart](/retina.png)')).toMatchInlineSnapshot(
			`"<p><img src="/retina.png" alt="A chart" loading="lazy" decoding="async" width="200" height="100"></p>"`,
		);
	});

	it('shows an image without density at its pixel size', async () => {
		expect(await render('![A photo](/plain.png)')).toContain('width="300" height="100"');
	});

	it('loads the first images eagerly when asked', async () => {
		const html = await render('![One](/plain.png)\n\n![Two](/plain.png)\n\n![Three](/plain.png)', { eagerImages: 1 });
		expect(html.match(/loading="(\w+)"/g)).toEqual(['loading="eager"', 'loading="lazy"', 'loading="lazy"']);
	});

	it('reads the file by the path as written, and the base path is still added after it', async () => {
		expect(await render('![A chart](/retina.png)', { base: '/course/' })).toContain('src="/course/retina.png"');
		expect(await render('![A chart](/retina.png)', { base: '/course/' })).toContain('width="200" height="100"');
	});

	it('leaves the size of external and missing images alone', async () => {
		const html = await render('![Remote](https://example.com/x.png)\n\n![Missing](/nope.png)');
		expect(html).not.toContain('width=');
		expect(html.match(/loading="lazy"/g)).toHaveLength(2);
	});
});

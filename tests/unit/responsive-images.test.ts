import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import sharp from 'sharp';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { candidateWidths, columnWidth, sizesFor } from '../../src/images/variants.ts';
import { rehypeBasePathLinks } from '../../src/plugins/rehype/base-path-links.ts';
import { rehypeImageAttributes } from '../../src/plugins/rehype/image-attributes.ts';
import { rehypeResponsiveImages } from '../../src/plugins/rehype/responsive-images.ts';
import { rehypeZoomableImages } from '../../src/plugins/rehype/zoomable-images.ts';

const publicDir = mkdtempSync(join(tmpdir(), 'responsive-images-'));

beforeAll(async () => {
	mkdirSync(join(publicDir, 'img'));
	mkdirSync(join(publicDir, 'other'));
	const picture = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#3a6ea5' } });
	writeFileSync(join(publicDir, 'img', 'photo.jpg'), await picture(2000, 1000).jpeg().toBuffer());
	writeFileSync(join(publicDir, 'img', 'small.png'), await picture(500, 300).png().toBuffer());
	writeFileSync(join(publicDir, 'img', 'drawn.png'), await picture(1440, 600).withDensity(144).png().toBuffer());
	writeFileSync(join(publicDir, 'img', 'drawn.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="720" height="300"/>');
	writeFileSync(join(publicDir, 'other', 'elsewhere.png'), await picture(800, 400).png().toBuffer());
});

/** The site's image plugins in the site's order, on Markdown; the file path says MDX or not. */
async function render(markdown: string, options: { base?: string; path?: string } = {}) {
	const processor = unified()
		.use(remarkParse)
		.use(remarkRehype)
		.use(rehypeImageAttributes, { publicDir, eagerImages: 1 })
		.use(rehypeResponsiveImages, { publicDir })
		.use(rehypeZoomableImages)
		.use(rehypeBasePathLinks, { base: options.base ?? '/' });
	const file = new VFile({ value: markdown, path: options.path ?? 'lessons/example.mdx' });
	const tree = (await processor.run(processor.parse(file), file)) as Root;
	// MDX's import and component nodes are compiled by MDX, not by rehype-stringify: report them apart.
	const mdx = tree.children.filter((node) => node.type.startsWith('mdx'));
	tree.children = tree.children.filter((node) => !node.type.startsWith('mdx'));
	const html = unified().use(rehypeStringify).stringify(tree);
	return { html, mdx: mdx.map((node) => ('name' in node ? `<${node.name}>` : 'value' in node ? String(node.value) : node.type)) };
}

describe('responsive lesson images', () => {
	it('offer a photo as AVIF and WebP at 1x, 2x and up to its own width, with the original as fallback', async () => {
		const { html } = await render('![A photo](/img/photo.jpg)');
		const hash = /photo\.([0-9a-f]{8})\./.exec(html)![1];
		const set = (format: string) => [720, 1440, 2000].map((w) => `/_astro/img/photo.${hash}.${w}.${format} ${w}w`).join(', ');
		expect(html).toBe(
			`<p><button class="zoomable" disabled aria-haspopup="dialog"><picture>` +
				`<source type="image/avif" srcset="${set('avif')}" sizes="(min-width: 752px) 720px, calc(100vw - 2rem)">` +
				`<source type="image/webp" srcset="${set('webp')}" sizes="(min-width: 752px) 720px, calc(100vw - 2rem)">` +
				`<img src="/img/photo.jpg" alt="A photo" loading="eager" decoding="async" width="2000" height="1000">` +
				`</picture></button></p>`,
		);
	});

	it('serve a drawn diagram as its SVG, with its PNG as the fallback', async () => {
		const { html } = await render('![A diagram](/img/drawn.png)');
		expect(html).toContain('<picture><source type="image/svg+xml" srcset="/img/drawn.svg"><img src="/img/drawn.png"');
		expect(html).toContain('width="720" height="300"');
	});

	it('never offer a width larger than the file', async () => {
		const { html } = await render('![Small](/img/small.png)');
		expect([...html.matchAll(/ (\d+)w/g)].map((m) => m[1])).toEqual(['500', '500']);
		expect(html).toContain('sizes="(min-width: 532px) 500px, calc(100vw - 2rem)"');
	});

	it('leave external images, missing files and files outside public/img as they are', async () => {
		const { html } = await render('![Remote](https://example.com/x.png)\n\n![Missing](/img/nope.png)\n\n![Elsewhere](/other/elsewhere.png)');
		expect(html).not.toContain('<picture');
		expect(html).not.toContain('<source');
	});

	it('keep the first image eager and the rest lazy', async () => {
		const { html } = await render('![One](/img/photo.jpg)\n\n![Two](/img/drawn.png)\n\n![Three](/img/small.png)');
		expect(html.match(/loading="(\w+)"/g)).toEqual(['loading="eager"', 'loading="lazy"', 'loading="lazy"']);
	});

	it('carry the base path into every srcset candidate', async () => {
		const { html } = await render('![A photo](/img/photo.jpg)\n\n![A diagram](/img/drawn.png)', { base: '/course/' });
		const urls = [...html.matchAll(/(?:srcset|src)="([^"]+)"/g)].flatMap((m) => m[1]!.split(', ').map((c) => c.split(' ')[0]!));
		expect(urls.length).toBe(9);
		for (const url of urls) expect(url).toMatch(/^\/course\/(img|_astro)\//);
	});
});

describe('zoomable lesson images', () => {
	it('wrap each image of an MDX page in a button named by it, and bring the zoom component once', async () => {
		const { html, mdx } = await render('![One](/img/drawn.png)\n\n![Two](https://example.com/x.png)');
		expect(html.match(/<button class="zoomable" disabled aria-haspopup="dialog">/g)).toHaveLength(2);
		expect(html).toContain('<button class="zoomable" disabled aria-haspopup="dialog"><img src="https://example.com/x.png" alt="Two"');
		expect(mdx).toEqual([expect.stringMatching(/^import ImageZoomFromMarkdown from ".*\/src\/components\/ImageZoom\.astro"$/), '<ImageZoomFromMarkdown>']);
	});

	it('leave an image inside a link to its link', async () => {
		const { html, mdx } = await render('[![Linked](/img/drawn.png)](https://example.com/)');
		expect(html).not.toContain('<button');
		expect(mdx).toEqual([]);
	});

	it('leave the images of a plain Markdown page unwrapped, as it cannot render the component', async () => {
		const { html, mdx } = await render('![One](/img/drawn.png)', { path: 'lessons/plain.md' });
		expect(html).toContain('<p><picture>');
		expect(html).not.toContain('<button');
		expect(mdx).toEqual([]);
	});
});

describe('the widths and sizes offered', () => {
	it('are 1x, 2x and 4x the shown width, capped at the file width', () => {
		expect(candidateWidths(720, 4000)).toEqual([720, 1440, 2880]);
		expect(candidateWidths(720, 1000)).toEqual([720, 1000]);
		expect(candidateWidths(400, 400)).toEqual([400]);
	});

	it('say the image spans the column on a laptop and the viewport less its padding on a phone', () => {
		expect(sizesFor(columnWidth)).toBe('(min-width: 752px) 720px, calc(100vw - 2rem)');
	});
});

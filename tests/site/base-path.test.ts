import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuiltPage } from '../support/built-page.ts';
import { buildFixtureSite } from '../support/fixture-site.ts';

describe('a build under a base path', () => {
	it('prefixes every internal link and asset with the base path', async () => {
		const result = await buildFixtureSite('base-path', {}, { BASE_PATH: '/mlops-course/', SITE: 'https://example.github.io' });
		expect(result.code, result.output).toBe(0);
		const dist = join(result.root, 'dist');
		for (const route of ['', 'lessons/automate-deployment', '404.html']) {
			const page = readBuiltPage(route, dist);
			const urls = [
				...page.selectAll('a[href]').map((a) => String(a.properties.href)),
				...page.selectAll('link[href]').map((l) => String(l.properties.href)),
				...page.selectAll('img[src], script[src]').map((e) => String(e.properties.src)),
			];
			const rootRelative = urls.filter((url) => url.startsWith('/') && !url.startsWith('//'));
			expect(rootRelative.length, route).toBeGreaterThan(0);
			const outside = rootRelative.filter((url) => !url.startsWith('/mlops-course/'));
			expect(outside, `links outside the base path on /${route}`).toEqual([]);
		}
		// The lesson's diagrams are found at their prefixed address, and keep their display size.
		const lesson = readBuiltPage('lessons/automate-deployment', dist);
		const images = lesson.selectAll('.sl-markdown-content img');
		expect(images.length).toBe(4);
		for (const img of images) {
			const src = String(img.properties.src);
			expect(src).toMatch(/^\/mlops-course\/img\//);
			expect(existsSync(join(dist, src.slice('/mlops-course/'.length))), src).toBe(true);
			expect(Number(img.properties.width)).toBeGreaterThan(0);
		}
	});
});

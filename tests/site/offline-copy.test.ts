import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { cacheControl } from '../../src/hosting/header-rules.ts';
import { headersForPath, parseHeadersFile } from '../../src/hosting/headers-file.ts';
import { workerFile } from '../../src/offline/names.ts';
import { readBuiltPage } from '../support/built-page.ts';
import { courseFixture } from '../support/course-fixture.ts';
import { builtSiteDir } from '../support/paths.ts';
import { allPages } from '../support/site-pages.ts';

/** The precache list Workbox wrote into the worker: URL and revision of each file. */
function precached(dir: string): Map<string, string | null> {
	const worker = readFileSync(join(dir, workerFile), 'utf8');
	return new Map([...worker.matchAll(/\{url:"([^"]+)",revision:(?:"([0-9a-f]+)"|null)\}/g)].map((match) => [match[1]!, match[2] ?? null]));
}

const md5 = (file: string) => createHash('md5').update(readFileSync(file)).digest('hex');

/** The built worker and the overview's offline section, for the site and the fixture course under its base path. */
describe.each([
	{ name: 'the site', dir: () => builtSiteDir, base: '/' },
	{ name: 'the fixture course', dir: () => inject('courseFixtureDist'), base: courseFixture.base },
])('the offline copy of $name', ({ dir, base }) => {
	it('has its worker at the root of the build, revalidated on every visit', () => {
		expect(existsSync(join(dir(), workerFile))).toBe(true);
		const rules = parseHeadersFile(readFileSync(join(dir(), '_headers'), 'utf8'));
		expect(headersForPath(rules, `${base}${workerFile}`)['Cache-Control']).toBe(cacheControl.revalidate);
	});

	it('precaches every page under the base path, each at the MD5 of its content, and no image', () => {
		const list = precached(dir());
		for (const route of allPages(dir(), base)) {
			const file = route.endsWith('.html') ? route : `${route}index.html`;
			expect(list.get(`${base}${file}`), file).toBe(md5(join(dir(), file)));
		}
		const urls = [...list.keys()];
		expect(urls.some((url) => url.startsWith(`${base}pagefind/`))).toBe(true);
		expect(urls.filter((url) => /\.(png|jpe?g|webp|avif|pdf)$/.test(url) || !url.startsWith(base))).toEqual([]);
		// Files named after their content need no revision.
		expect(urls.filter((url) => url.includes('/_astro/')).every((url) => list.get(url) === null)).toBe(true);
	});

	it('marks the overview\'s offline and PDF section for packages of the pages to leave out, with its file count', () => {
		const overview = readBuiltPage('', dir());
		const section = overview.selectAll('[data-lms-omit]').filter((element) => element.properties.dataOfflineFiles !== undefined);
		expect(section).toHaveLength(1);
		expect(overview.select('[data-offline-action="download"]', section[0])).toBeDefined();
		expect(overview.select('[data-pdf-link]', section[0])).toBeDefined();
		expect(Number(section[0]!.properties.dataOfflineFiles)).toBe(precached(dir()).size);
		// No page names the worker: it is registered only from a script, when the learner asks.
		for (const route of allPages(dir(), base)) expect(readBuiltPage(route, dir()).html).not.toContain(workerFile);
	});
});

import { describe, expect, it } from 'vitest';
import { cacheControl, securityHeaders } from '../../../src/hosting/header-rules.ts';
import { headersForPath, overlappingHeaders } from '../../../src/hosting/headers-file.ts';
import { normalizeBase } from '../../../src/base-path.ts';
import { siteHeaderRules, urlPathsOf } from '../../../src/hosting/site-headers.ts';

const files = [
	'404.html',
	'_astro/common.CZGLGDmv.css',
	'_astro/ui-core.DdZDRPcq.js',
	'favicon.svg',
	'img/teams.png',
	'index.html',
	'lessons/a/index.html',
	'lessons/b/index.html',
	'pagefind/pagefind-entry.json',
	'pagefind/fragment/en_1.pf_fragment',
	'sitemap-0.xml',
	'sitemap-index.xml',
];

describe.each(['/', '/mlops-course/'])('the headers of a build under %s', (base) => {
	const rules = siteHeaderRules({ files, base, csp: "default-src 'self'" });
	const urlPaths = files.flatMap((file) => urlPathsOf(file, base));

	it('give every URL of every file one Cache-Control, never two', () => {
		for (const urlPath of urlPaths) expect(headersForPath(rules, urlPath)['Cache-Control'], urlPath).toBeDefined();
		expect(overlappingHeaders(rules, urlPaths)).toEqual([]);
	});

	it('keep hashed assets for a year and have everything else revalidated', () => {
		const cache = (file: string) => headersForPath(rules, `${base}${file}`)['Cache-Control'];
		expect(cache('_astro/ui-core.DdZDRPcq.js')).toBe(cacheControl.immutable);
		for (const file of ['index.html', 'lessons/a/', 'lessons/a/index.html', 'sitemap-index.xml', 'pagefind/pagefind-entry.json', 'img/teams.png']) {
			expect(cache(file), file).toBe(cacheControl.revalidate);
		}
		expect(headersForPath(rules, base)['Cache-Control']).toBe(cacheControl.revalidate);
	});

	it('send the security headers and the CSP on every path, missing ones too', () => {
		for (const urlPath of [...urlPaths, `${base}no/such/page/`]) {
			expect(headersForPath(rules, urlPath)).toMatchObject({ ...securityHeaders, 'Content-Security-Policy': "default-src 'self'" });
		}
	});

	it('cover a folder of one kind with one rule, so the file stays short at any number of lessons', () => {
		const paths = rules.map((rule) => rule.path);
		expect(paths).toEqual(expect.arrayContaining([`${base}_astro/*`, `${base}lessons/*`, `${base}pagefind/*`, `${base}img/*`]));
		expect(paths.filter((path) => path.startsWith(`${base}lessons/`))).toEqual([`${base}lessons/*`]);
	});

	it('match nothing outside the base path', () => {
		for (const rule of rules) expect(rule.path.startsWith(base)).toBe(true);
	});
});

describe('normalizeBase and urlPathsOf', () => {
	it('write the base with a slash at each end', () => {
		expect(normalizeBase('/')).toBe('/');
		expect(normalizeBase('')).toBe('/');
		expect(normalizeBase('/mlops-course')).toBe('/mlops-course/');
		expect(normalizeBase('mlops-course/')).toBe('/mlops-course/');
	});

	it('serve a folder\'s page at the folder\'s URL too', () => {
		expect(urlPathsOf('lessons/a/index.html', '/x/')).toEqual(['/x/lessons/a/index.html', '/x/lessons/a/']);
		expect(urlPathsOf('index.html', '/')).toEqual(['/index.html', '/']);
		expect(urlPathsOf('404.html', '/')).toEqual(['/404.html']);
	});
});

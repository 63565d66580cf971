import { describe, expect, it } from 'vitest';
import { formatHeadersFile, headersForPath, overlappingHeaders, parseHeadersFile, pathMatches, type HeaderRule } from '../../../src/hosting/headers-file.ts';

const rules: HeaderRule[] = [
	{ path: '/*', headers: { 'X-Content-Type-Options': 'nosniff' } },
	{ path: '/_astro/*', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
	{ path: '/', headers: { 'Cache-Control': 'public, max-age=0' } },
];

describe('the _headers file', () => {
	it('is written in the hosts\' format and read back as written', () => {
		const text = formatHeadersFile(rules, 'Generated.\nDo not edit.');
		expect(text).toBe(
			'# Generated.\n# Do not edit.\n\n/*\n  X-Content-Type-Options: nosniff\n\n/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n\n/\n  Cache-Control: public, max-age=0\n',
		);
		expect(parseHeadersFile(text)).toEqual(rules);
	});

	it('refuses a value that would break the file', () => {
		expect(() => formatHeadersFile([{ path: '/', headers: { 'X-A': 'a\nb' } }])).toThrow(/spans lines/);
	});

	it('names the line of a header that has no path above it', () => {
		expect(() => parseHeadersFile('# comment\n  X-A: b\n')).toThrow(/line 2/);
	});
});

describe('matching a URL path', () => {
	it('matches exact paths exactly and splats by prefix', () => {
		expect(pathMatches('/', '/')).toBe(true);
		expect(pathMatches('/', '/index.html')).toBe(false);
		expect(pathMatches('/_astro/*', '/_astro/a.js')).toBe(true);
		expect(pathMatches('/_astro/*', '/_astros.js')).toBe(false);
		expect(pathMatches('/*', '/anything/at/all')).toBe(true);
	});

	it('gives every header of every matching rule', () => {
		expect(headersForPath(rules, '/_astro/a.js')).toEqual({
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'public, max-age=31536000, immutable',
		});
		expect(headersForPath(rules, '/missing/')).toEqual({ 'X-Content-Type-Options': 'nosniff' });
	});

	it('reports a header that two matching rules both set, whatever its case', () => {
		const clash = [...rules, { path: '/*', headers: { 'cache-control': 'no-store' } }];
		expect(overlappingHeaders(rules, ['/', '/_astro/a.js'])).toEqual([]);
		expect(overlappingHeaders(clash, ['/'])).toEqual([{ urlPath: '/', header: 'cache-control' }]);
	});
});

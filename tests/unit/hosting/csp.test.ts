import { describe, expect, it } from 'vitest';
import { buildCspDirectives, hashSource, parseCsp, serializeCsp } from '../../../src/hosting/csp.ts';
import { cspBaseDirectives } from '../../../src/hosting/header-rules.ts';

describe('hashSource', () => {
	it('gives the hash a browser computes over the text', () => {
		// The value the web-platform-tests of CSP use for the style "background: green".
		expect(hashSource('background: green')).toBe("'sha256-S0VSqEOmzmyOifPfat2sJ7ELOgkldAEbaXlvi5iMqjc='");
	});

	it('hashes the exact text: whitespace counts', () => {
		expect(hashSource('a()')).not.toBe(hashSource('a() '));
	});
});

describe('buildCspDirectives', () => {
	it('adds each inline script once, sorted, after the base sources', () => {
		const directives = buildCspDirectives({ inlineScripts: ['b()', 'a()', 'b()'], inlineStyles: [] });
		const hashes = [hashSource('a()'), hashSource('b()')].sort();
		expect(directives['script-src']).toEqual([...cspBaseDirectives['script-src']!, ...hashes]);
	});

	it('never allows inline scripts wholesale, and lets Pagefind compile WebAssembly', () => {
		const scripts = buildCspDirectives({ inlineScripts: ['x()'], inlineStyles: ['p{}'] })['script-src']!;
		expect(scripts).not.toContain("'unsafe-inline'");
		expect(scripts).not.toContain("'unsafe-eval'");
		expect(scripts).toContain("'wasm-unsafe-eval'");
	});

	it('hashes <style> elements under style-src-elem and leaves style attributes to style-src-attr', () => {
		const directives = buildCspDirectives({ inlineScripts: [], inlineStyles: ['p { color: red }'] });
		expect(directives['style-src-elem']).toEqual(["'self'", hashSource('p { color: red }')]);
		expect(directives['style-src-attr']).toEqual(["'unsafe-inline'"]);
	});

	it('adds sources from the build, starting from default-src for a directive the base leaves out', () => {
		const directives = buildCspDirectives({
			inlineScripts: [],
			inlineStyles: [],
			sources: { 'img-src': ['data:'], 'frame-src': ['https://www.youtube-nocookie.com'] },
		});
		expect(directives['img-src']).toEqual(["'self'", 'data:']);
		expect(directives['frame-src']).toEqual(["'self'", 'https://www.youtube-nocookie.com']);
	});

	it('does not repeat a source the base already has', () => {
		expect(buildCspDirectives({ inlineScripts: [], inlineStyles: [], sources: { 'img-src': ["'self'"] } })['img-src']).toEqual(["'self'"]);
	});
});

describe('serializeCsp and parseCsp', () => {
	it('round-trip a policy', () => {
		const directives = buildCspDirectives({ inlineScripts: ['a()'], inlineStyles: [] });
		expect(parseCsp(serializeCsp(directives))).toEqual(directives);
	});

	it('keep the first of a repeated directive, as browsers do', () => {
		expect(parseCsp("script-src 'self'; script-src *")['script-src']).toEqual(["'self'"]);
	});
});

import { readdirSync } from 'node:fs';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { readBuiltPage } from '../support/built-page.ts';
import { builtSiteDir } from '../support/paths.ts';
import { allPages } from '../support/site-pages.ts';

/** Every HTML file of the test build, as routes readBuiltPage understands. */
const htmlFiles = readdirSync(builtSiteDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));

/** Links that open a new tab without rel="noopener noreferrer", through which that tab can reach back (window.opener). */
function unsafeNewTabLinks(tree: Root): string[] {
	return selectAll('a[target="_blank"]', tree)
		.filter((a) => {
			const rel = (Array.isArray(a.properties.rel) ? a.properties.rel : String(a.properties.rel ?? '').split(/\s+/)).map(String);
			return !rel.includes('noopener') || !rel.includes('noreferrer');
		})
		.map((a) => String(a.properties.href));
}

/** Attributes such as onclick= on any element (hast names them onClick, onLoad, …). */
function inlineHandlers(tree: Root): string[] {
	return selectAll('*', tree).flatMap((el) =>
		Object.keys(el.properties)
			.filter((name) => /^on[A-Z]/.test(name))
			.map((name) => `<${el.tagName} ${name.toLowerCase()}>`),
	);
}

describe('security hygiene of the built pages', () => {
	it('reads every page a learner can land on', () => {
		const pages = allPages(builtSiteDir).map((route) => (route.endsWith('.html') ? route : `${route}index.html`));
		expect(htmlFiles).toEqual(expect.arrayContaining(pages));
	});

	// A page opened in a new tab can otherwise reach back through window.opener.
	it('gives every link that opens a new tab rel="noopener noreferrer"', () => {
		const page = fromHtml(
			'<a href="/a/" target="_blank">no rel</a><a href="/b/" target="_blank" rel="noopener">half</a>' +
				'<a href="/c/" target="_blank" rel="noreferrer noopener">both</a><a href="/d/">same tab</a>',
		);
		expect(unsafeNewTabLinks(page)).toEqual(['/a/', '/b/']);
		const unsafe = htmlFiles.flatMap((file) => unsafeNewTabLinks(readBuiltPage(file).tree).map((href) => `${file}: ${href}`));
		expect(unsafe).toEqual([]);
	});

	// Inline handlers need 'unsafe-inline' in a Content Security Policy; scripts belong in modules.
	it('has no inline event handler attribute', () => {
		expect(inlineHandlers(fromHtml('<img src=x onerror="alert(1)"><button onClick="f()">'))).toEqual([
			'<img onerror>',
			'<button onclick>',
		]);
		const handlers = htmlFiles.flatMap((file) => inlineHandlers(readBuiltPage(file).tree).map((h) => `${file}: ${h}`));
		expect(handlers).toEqual([]);
	});
});

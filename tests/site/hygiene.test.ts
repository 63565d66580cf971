import { readdirSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { readBuiltPage } from '../support/built-page.ts';
import { builtSiteDir } from '../support/paths.ts';

/** Every HTML page of the test build, as routes readBuiltPage understands. */
const htmlFiles = readdirSync(builtSiteDir, { recursive: true, encoding: 'utf8' })
	.filter((file) => file.endsWith('.html'));

/** Attributes such as onclick= on any element (hast names them onClick, onLoad, …). */
function inlineHandlers(tree: Root): string[] {
	return selectAll('*', tree).flatMap((el) =>
		Object.keys(el.properties)
			.filter((name) => /^on[A-Z]/.test(name))
			.map((name) => `<${el.tagName} ${name.toLowerCase()}>`),
	);
}

describe('security hygiene of the built pages', () => {
	it('finds the pages to check', () => {
		expect(htmlFiles).toEqual(expect.arrayContaining(['index.html', '404.html', 'lessons/automate-deployment/index.html']));
	});

	// A page opened in a new tab can otherwise reach back through window.opener.
	it('gives every link that opens a new tab rel="noopener noreferrer"', () => {
		const newTabLinks = htmlFiles.flatMap((file) =>
			readBuiltPage(file)
				.selectAll('a[target="_blank"]')
				.map((a) => ({ file, href: String(a.properties.href), rel: relOf(a) })),
		);
		const unsafe = newTabLinks.filter((link) => !link.rel.includes('noopener') || !link.rel.includes('noreferrer'));
		expect(unsafe).toEqual([]);
		// Today no link opens a new tab: say so, so that one that does is noticed and checked above.
		expect(newTabLinks).toEqual([]);
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

function relOf(a: Element): string[] {
	const rel = a.properties.rel;
	return Array.isArray(rel) ? rel.map(String) : String(rel ?? '').split(/\s+/);
}

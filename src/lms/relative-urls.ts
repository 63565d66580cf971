/**
 * Turns a build made under a marker base path into files that work wherever an LMS unpacks them:
 * every address the build wrote from the base becomes relative to the file that holds it, and a
 * folder's address names its index.html (an LMS serves files, not folders). The marker is unique
 * enough that any copy of it left over is a bug: the packaging stops and names the file.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element, Root } from 'hast';
import { visit, SKIP } from 'unist-util-visit';
import { posix } from 'node:path';

/** The base path the package is built under; replaced everywhere by relative addresses. */
export const markerBase = '/__lms_root__/';

/** `target` (a path from the package root, with any query or #fragment) as seen from the file at `from`. */
export function relativeFrom(from: string, target: string): string {
	const [, path = '', rest = ''] = /^([^?#]*)(.*)$/.exec(target)!;
	const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
	const relative = posix.relative(posix.dirname(`/${from}`), `/${file}`);
	return relative + rest;
}

/** An address in the build made relative to `from`; undefined when it is not from the base. */
function rewrite(from: string, value: string, site: string): string | undefined {
	for (const start of [markerBase, `${site.replace(/\/$/, '')}${markerBase}`]) {
		if (value.startsWith(start)) return relativeFrom(from, value.slice(start.length));
	}
	return undefined;
}

/** Page metadata that names the website's own address: meaningless in a package. */
const dropped = (node: Element) =>
	node.properties.dataLmsOmit !== undefined ||
	(node.tagName === 'link' && ['canonical', 'sitemap', 'alternate'].some((rel) => String(node.properties.rel ?? '').split(/[ ,]/).includes(rel))) ||
	(node.tagName === 'meta' && /^(og|twitter):/.test(String(node.properties.property ?? node.properties.name ?? '')));

export interface PageOptions {
	/** The page's path in the package: `lessons/x/index.html`. */
	path: string;
	/** The site address the build was made with (for og:url and canonical links). */
	site: string;
	/** Paths from the package root of classic scripts put first in the head. */
	headScripts: string[];
}

/** One built HTML page, packaged: relative addresses, the LMS bridge first in its head. */
export function packagePage(html: string, options: PageOptions): string {
	const tree: Root = fromHtml(html);
	const problems: string[] = [];
	visit(tree, 'element', (node, index, parent) => {
		if (dropped(node) && parent && index !== undefined) {
			parent.children.splice(index, 1);
			return [SKIP, index];
		}
		for (const name of ['href', 'src', 'poster', 'action', 'srcSet'] as const) {
			const value = node.properties[name];
			if (value === undefined || value === null) continue;
			const text = Array.isArray(value) ? value.join(name === 'srcSet' ? ', ' : ' ') : String(value);
			if (name === 'srcSet') {
				node.properties.srcSet = text
					.split(/,\s+/)
					.map((candidate) => candidate.replace(/^\S+/, (url) => rewrite(options.path, url, options.site) ?? url))
					.join(', ');
				continue;
			}
			const relative = rewrite(options.path, text, options.site);
			if (relative !== undefined) node.properties[name] = relative;
			else if (/^(https?:)?\/\//i.test(text)) {
				// A link out opens beside the LMS (many sites refuse to be framed); anything loaded from
				// outside would break "no request leaves the package".
				if (node.tagName === 'a') Object.assign(node.properties, { target: '_blank', rel: 'noopener' });
				else problems.push(`<${node.tagName} ${name}="${text}"> loads from outside the package`);
			}
		}
		return undefined;
	});
	const head = (tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'html')?.children ?? []).find(
		(node): node is Element => node.type === 'element' && node.tagName === 'head',
	);
	if (!head) problems.push('no <head>');
	const charset = head?.children.findIndex((node) => node.type === 'element' && node.tagName === 'meta' && node.properties.charSet !== undefined) ?? -1;
	head?.children.splice(
		charset + 1,
		0,
		...options.headScripts.map((script): Element => ({ type: 'element', tagName: 'script', properties: { src: relativeFrom(options.path, script) }, children: [] })),
	);
	const out = toHtml(tree);
	if (out.includes(markerBase)) problems.push(`an address from the base is left: …${out.slice(out.indexOf(markerBase) - 60, out.indexOf(markerBase) + 60)}…`);
	if (problems.length > 0) throw new Error(`${options.path}: ${problems.join('; ')}`);
	return out;
}

/** A stylesheet with its url(…) and @import addresses relative to it. */
export function packageStylesheet(css: string, path: string): string {
	return checked(
		css.replaceAll(new RegExp(`${markerBase}[^)"'\\s]*`, 'g'), (url) => relativeFrom(path, url.slice(markerBase.length))),
		path,
	);
}

/** A quoted string of minified code that holds the marker base, with what comes before and after it. */
const quotedWithMarker = new RegExp(`(["'])((?:(?!\\1)[^\\\\\n]|\\\\.)*?)${markerBase}((?:(?!\\1)[^\\\\\n]|\\\\.)*?)\\1`, 'g');

/**
 * A script with the base it was built with read at run time instead: the package's pages set
 * `lmsRoot` (src/lms/runtime/page-bridge.ts) to where the package is served from. Vite writes the
 * base into template literals, alone or joined to other text (a storage key, say), which take the
 * expression; a quoted string that holds it is split around it.
 */
export function packageScript(js: string, path: string): string {
	const templates = js.replace(/`(?:[^`\\]|\\.)*`/g, (literal) => literal.replaceAll(markerBase, '${self.lmsRoot}'));
	return checked(
		templates.replace(quotedWithMarker, (_, quote: string, before: string, after: string) => `${quote}${before}${quote}+self.lmsRoot+${quote}${after}${quote}`),
		path,
	);
}

function checked(text: string, path: string): string {
	if (text.includes(markerBase)) throw new Error(`${path}: an address from the base is left that cannot be made relative`);
	return text;
}

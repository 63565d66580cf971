import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { parseSrcset } from 'srcset';
import { visit } from 'unist-util-visit';

/** What a built site holds that its headers depend on. */
export interface BuildScan {
	/** Every file, relative to the output folder, with `/` separators (`lessons/a/index.html`). */
	files: string[];
	/** Text of every inline script the browser runs or checks against script-src, on any page. */
	inlineScripts: Set<string>;
	/** Text of every `<style>` element, HTML or inline SVG. */
	inlineStyles: Set<string>;
	/** Every distinct `style` attribute value (measured for the docs; the policy allows them). */
	styleAttributes: Set<string>;
	/** Sources beyond the site itself, by CSP directive: external origins and `data:`. */
	sources: Record<string, Set<string>>;
}

/** Files the build writes for the host, not for visitors. */
export const hostFiles = new Set(['_headers']);

// Script types that are data blocks: the browser neither runs them nor checks them against CSP.
const javaScriptTypes = new Set([
	'',
	'module',
	'importmap',
	'speculationrules',
	'text/javascript',
	'application/javascript',
	'application/ecmascript',
	'application/x-ecmascript',
	'application/x-javascript',
	'text/ecmascript',
	'text/jscript',
	'text/livescript',
	'text/x-ecmascript',
	'text/x-javascript',
]);

function isCheckedScript(element: Element): boolean {
	const type = String(element.properties.type ?? '').trim().toLowerCase();
	return javaScriptTypes.has(type) || /^text\/javascript1\.[0-5]$/.test(type);
}

function text(element: Element): string {
	return element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

/** The origin of an absolute or protocol-relative URL; undefined for one on the site itself. */
function externalOrigin(url: string): string | undefined {
	const match = /^(?:(https?:)?\/\/)([^/?#]+)/i.exec(url.trim());
	if (!match) return undefined;
	return `${(match[1] ?? 'https:').toLowerCase()}//${match[2]!.toLowerCase()}`;
}

const urlAttributes: { selector: (el: Element) => boolean; attribute: string; directive: string; list?: boolean }[] = [
	{ selector: (el) => el.tagName === 'script', attribute: 'src', directive: 'script-src' },
	{
		selector: (el) => el.tagName === 'link' && String(el.properties.rel ?? '').split(/[\s,]+/).includes('stylesheet'),
		attribute: 'href',
		directive: 'style-src-elem',
	},
	{ selector: (el) => el.tagName === 'img', attribute: 'src', directive: 'img-src' },
	{ selector: (el) => el.tagName === 'img' || el.tagName === 'source', attribute: 'srcSet', directive: 'img-src', list: true },
	{ selector: (el) => el.tagName === 'image', attribute: 'href', directive: 'img-src' },
	{ selector: (el) => el.tagName === 'video', attribute: 'poster', directive: 'img-src' },
	{ selector: (el) => el.tagName === 'iframe', attribute: 'src', directive: 'frame-src' },
	{ selector: (el) => ['video', 'audio', 'track'].includes(el.tagName), attribute: 'src', directive: 'media-src' },
	{ selector: (el) => el.tagName === 'source', attribute: 'src', directive: 'media-src' },
];

const dataImageInCss = /url\(\s*["']?data:image\//i;

/** Every file of a built site that visitors can ask for, relative to its folder, sorted. */
export function listBuiltFiles(dir: string): string[] {
	const root = dir.replace(/[\\/]+$/, '');
	return readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.filter((file) => !hostFiles.has(file))
		.sort();
}

/**
 * Reads a built site: every page's inline scripts, `<style>` elements and style attributes, the
 * external origins its markup loads from, and whether its pages or stylesheets use `data:` images.
 */
export function scanBuild(dir: string): BuildScan {
	const files = listBuiltFiles(dir);
	const scan: BuildScan = { files, inlineScripts: new Set(), inlineStyles: new Set(), styleAttributes: new Set(), sources: {} };
	const addSource = (directive: string, source: string) => (scan.sources[directive] ??= new Set()).add(source);

	for (const file of files) {
		if (file.endsWith('.css')) {
			if (dataImageInCss.test(readFileSync(join(dir, file), 'utf8'))) addSource('img-src', 'data:');
		}
		if (!file.endsWith('.html')) continue;
		const tree: Root = fromHtml(readFileSync(join(dir, file), 'utf8'));
		visit(tree, 'element', (element: Element) => {
			if (element.tagName === 'script' && element.properties.src === undefined && isCheckedScript(element)) {
				scan.inlineScripts.add(text(element));
			}
			if (element.tagName === 'style') {
				const css = text(element);
				scan.inlineStyles.add(css);
				if (dataImageInCss.test(css)) addSource('img-src', 'data:');
			}
			const style = element.properties.style;
			if (typeof style === 'string') {
				scan.styleAttributes.add(style);
				if (dataImageInCss.test(style)) addSource('img-src', 'data:');
			}
			for (const rule of urlAttributes) {
				const value = element.properties[rule.attribute];
				if (value === undefined || value === null || !rule.selector(element)) continue;
				const urls = rule.list ? parseSrcset(String(value)).map((candidate) => candidate.url) : [String(value)];
				for (const url of urls) {
					if (/^data:/i.test(url.trim())) addSource(rule.directive, 'data:');
					const origin = externalOrigin(url);
					if (origin) addSource(rule.directive, origin);
				}
			}
		});
	}
	return scan;
}

import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';

export type ResourceType = 'html' | 'css' | 'js' | 'font';

export interface Resource {
	path: string;
	type: ResourceType;
	raw: number;
	/** Size after gzip at zlib's default level, what `compression` and most static hosts send. */
	gzip: number;
}

export interface FirstLoad {
	resources: Resource[];
	byType: Record<ResourceType, { raw: number; gzip: number; count: number }>;
	total: { raw: number; gzip: number; count: number };
}

const fontExtensions = new Set(['.woff2', '.woff', '.ttf', '.otf']);

function sizes(bytes: Buffer) {
	return { raw: bytes.length, gzip: gzipSync(bytes).length };
}

/** Static `import`/`export … from` specifiers of a built ES module; `import()` is left out on purpose. */
function staticImports(code: string): string[] {
	const found: string[] = [];
	const pattern = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["'`]([^"'`]+)["'`]/g;
	for (const match of code.matchAll(pattern)) found.push(match[1]!);
	return found;
}

/** `url(...)` of fonts declared in a stylesheet, and stylesheets it `@import`s. */
function cssReferences(css: string): { imports: string[]; fonts: string[] } {
	const imports = [...css.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g)].map((m) => m[1]!);
	const fonts = [...css.matchAll(/@font-face\s*{[^}]*}/g)].flatMap((face) =>
		[...face[0].matchAll(/url\(["']?([^"')]+)["']?\)/g)].map((m) => m[1]!).filter((url) => fontExtensions.has(extname(url.split(/[?#]/)[0]!))),
	);
	return { imports, fonts };
}

/**
 * What a browser downloads for a built page before any interaction: the HTML, its stylesheets
 * (print ones too: browsers fetch them at low priority), module scripts, modulepreloads, the modules
 * those import statically, and fonts declared in the CSS (counted in full, an upper bound). Dynamic
 * `import()` and images are not first load. Paths are resolved against the site's output folder.
 */
export function measureFirstLoad(siteDir: string, route: string, base = '/'): FirstLoad {
	const htmlFile = route.endsWith('.html') ? join(siteDir, route) : join(siteDir, route, 'index.html');
	const html = readFileSync(htmlFile);
	const tree = fromHtml(html.toString('utf8'));
	const resources: Resource[] = [{ path: `/${route}`, type: 'html', ...sizes(html) }];
	const seen = new Set<string>();

	const toFile = (url: string, from: string): string | undefined => {
		if (/^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:')) return undefined;
		const absolute = new URL(url, new URL(from, 'http://site.invalid')).pathname;
		const withinBase = absolute.startsWith(base) ? '/' + absolute.slice(base.length) : absolute;
		return withinBase;
	};

	const add = (sitePath: string | undefined, type: ResourceType) => {
		if (!sitePath || seen.has(sitePath)) return;
		seen.add(sitePath);
		const file = join(siteDir, sitePath);
		if (!existsSync(file)) throw new Error(`${route}: first-load resource ${sitePath} is not in the build`);
		const bytes = readFileSync(file);
		resources.push({ path: sitePath, type, ...sizes(bytes) });
		const text = bytes.toString('utf8');
		const urlOfThis = base.replace(/\/$/, '') + sitePath;
		if (type === 'js') for (const spec of staticImports(text)) add(toFile(spec, urlOfThis), 'js');
		if (type === 'css') {
			const refs = cssReferences(text);
			for (const spec of refs.imports) add(toFile(spec, urlOfThis), 'css');
			for (const spec of refs.fonts) add(toFile(spec, urlOfThis), 'font');
		}
	};

	const pageUrl = base + route;
	const attr = (el: Element, name: string) => String(el.properties[name] ?? '');
	for (const link of selectAll('link[rel~="stylesheet"][href]', tree)) add(toFile(attr(link, 'href'), pageUrl), 'css');
	for (const link of selectAll('link[rel~="modulepreload"][href]', tree)) add(toFile(attr(link, 'href'), pageUrl), 'js');
	for (const link of selectAll('link[rel~="preload"][as="font"][href]', tree)) add(toFile(attr(link, 'href'), pageUrl), 'font');
	for (const script of selectAll('script[src]', tree)) add(toFile(attr(script, 'src'), pageUrl), 'js');
	// Inline module scripts can import too.
	for (const script of selectAll('script[type="module"]:not([src])', tree)) {
		const code = script.children.map((child) => ('value' in child ? child.value : '')).join('');
		for (const spec of staticImports(code)) add(toFile(spec, pageUrl), 'js');
	}

	const byType = Object.fromEntries(
		(['html', 'css', 'js', 'font'] as const).map((type) => {
			const of = resources.filter((r) => r.type === type);
			return [type, { raw: sum(of, 'raw'), gzip: sum(of, 'gzip'), count: of.length }];
		}),
	) as FirstLoad['byType'];
	return { resources, byType, total: { raw: sum(resources, 'raw'), gzip: sum(resources, 'gzip'), count: resources.length } };
}

function sum(resources: Resource[], key: 'raw' | 'gzip') {
	return resources.reduce((total, r) => total + r[key], 0);
}

/** Kilobytes with one decimal (1 KB = 1000 bytes, as the project's notes and budgets count). */
export function kb(bytes: number): string {
	return (bytes / 1000).toFixed(1);
}

import { normalizeBase } from '../base-path.ts';
import { cacheControlFor, securityHeaders } from './header-rules.ts';
import type { HeaderRule } from './headers-file.ts';

/** The URL paths that serve a built file: its own, and its folder's for an `index.html`. */
export function urlPathsOf(file: string, base: string): string[] {
	const own = normalizeBase(base) + file;
	return file === 'index.html' || file.endsWith('/index.html') ? [own, own.slice(0, -'index.html'.length)] : [own];
}

interface Folder {
	files: string[];
	folders: Map<string, Folder>;
}

function folderTree(files: string[]): Folder {
	const root: Folder = { files: [], folders: new Map() };
	for (const file of files) {
		const parts = file.split('/');
		let folder = root;
		for (const name of parts.slice(0, -1)) {
			if (!folder.folders.has(name)) folder.folders.set(name, { files: [], folders: new Map() });
			folder = folder.folders.get(name)!;
		}
		folder.files.push(parts.at(-1)!);
	}
	return root;
}

function filesUnder(folder: Folder, prefix: string): string[] {
	return [...folder.files.map((file) => prefix + file), ...[...folder.folders].flatMap(([name, child]) => filesUnder(child, `${prefix}${name}/`))];
}

/**
 * Cache-Control rules that cover every built file exactly once, in as few lines as the tree
 * allows: a folder whose files all share a value becomes one `/folder/*` rule, so the file stays
 * short at any number of lessons (Cloudflare Pages reads at most 100 rules).
 */
function cacheControlRules(folder: Folder, prefix: string, base: string): HeaderRule[] {
	const values = new Set(filesUnder(folder, prefix).map(cacheControlFor));
	if (values.size === 1) return [{ path: `${base}${prefix}*`, headers: { 'Cache-Control': [...values][0]! } }];
	const rules: HeaderRule[] = [];
	for (const file of folder.files) {
		const headers = { 'Cache-Control': cacheControlFor(prefix + file) };
		for (const path of urlPathsOf(prefix + file, base)) rules.push({ path, headers });
	}
	for (const [name, child] of folder.folders) rules.push(...cacheControlRules(child, `${prefix}${name}/`, base));
	return rules;
}

/** Every header of every response, as `_headers` rules: security headers and the CSP on all paths, Cache-Control by file. */
export function siteHeaderRules(options: { files: string[]; base: string; csp: string }): HeaderRule[] {
	const base = normalizeBase(options.base);
	return [
		{ path: `${base}*`, headers: { ...securityHeaders, 'Content-Security-Policy': options.csp } },
		...cacheControlRules(folderTree(options.files), '', base),
	];
}

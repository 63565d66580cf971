/**
 * The `_headers` file that Netlify, Cloudflare Pages and other static hosts read: a URL path on
 * its own line, then its headers indented, one `Name: value` a line.
 *
 * Hosts differ when two rules that match one URL set the same header (Cloudflare joins the values
 * with commas, Netlify keeps the later one), so the site writes rules that never overlap on a
 * header; `headersForPath` then gives the same answer as any of them. Written here rather than
 * taken from a library: the parsers published for this format each follow one host's quirks.
 * Paths are either exact (`/lessons/a/`) or end in a splat (`/_astro/*`), the form all hosts share.
 */

export interface HeaderRule {
	path: string;
	headers: Record<string, string>;
}

export function formatHeadersFile(rules: HeaderRule[], comment?: string): string {
	const lines = comment ? comment.split('\n').map((line) => `# ${line}`.trimEnd()) : [];
	for (const rule of rules) {
		if (lines.length > 0) lines.push('');
		lines.push(rule.path);
		for (const [name, value] of Object.entries(rule.headers)) {
			if (/[\r\n]/.test(value)) throw new Error(`${rule.path}: the value of ${name} spans lines`);
			lines.push(`  ${name}: ${value}`);
		}
	}
	return lines.join('\n') + '\n';
}

export function parseHeadersFile(text: string): HeaderRule[] {
	const rules: HeaderRule[] = [];
	text.split(/\r?\n/).forEach((line, index) => {
		if (line.trim() === '' || line.trimStart().startsWith('#')) return;
		if (!/^\s/.test(line)) {
			rules.push({ path: line.trim(), headers: {} });
			return;
		}
		const match = /^\s+([^:\s]+)\s*:\s*(.*)$/.exec(line);
		const rule = rules.at(-1);
		if (!match || !rule) throw new Error(`_headers line ${index + 1}: expected "  Name: value" under a path, got "${line}"`);
		rule.headers[match[1]!] = match[2]!.trim();
	});
	return rules;
}

/** Whether a rule's path matches a request's URL path (no query string). */
export function pathMatches(pattern: string, urlPath: string): boolean {
	if (pattern.endsWith('*')) return urlPath.startsWith(pattern.slice(0, -1));
	return pattern === urlPath;
}

/** The headers a host sends for a URL path: those of every rule that matches it. */
export function headersForPath(rules: HeaderRule[], urlPath: string): Record<string, string> {
	return Object.assign({}, ...rules.filter((rule) => pathMatches(rule.path, urlPath)).map((rule) => rule.headers));
}

/** Header names that two rules matching one of the given URL paths both set (should be none). */
export function overlappingHeaders(rules: HeaderRule[], urlPaths: string[]): { urlPath: string; header: string }[] {
	const overlaps: { urlPath: string; header: string }[] = [];
	for (const urlPath of urlPaths) {
		const seen = new Set<string>();
		for (const rule of rules.filter((candidate) => pathMatches(candidate.path, urlPath))) {
			for (const header of Object.keys(rule.headers)) {
				const key = header.toLowerCase();
				if (seen.has(key)) overlaps.push({ urlPath, header });
				seen.add(key);
			}
		}
	}
	return overlaps;
}

import { parseSrcset } from 'srcset';

/**
 * The external address a piece of text is, or undefined: an http(s) URL, or a protocol-relative
 * one (`//host/path`), which the site, served over https, would load over https.
 */
export function externalUrl(text: string): string | undefined {
	const url = text.trim();
	if (/^https?:\/\/\S+$/i.test(url)) return url;
	if (/^\/\/[^/\s]\S*$/.test(url)) return `https:${url}`;
	return undefined;
}

/**
 * The external addresses one attribute holds. `srcset` lists several; `xmlns` declares a
 * namespace, which is a name and not a link; any other attribute (href, src, poster, or a
 * component's own, such as image=) counts when its whole value is an address.
 */
export function urlsInAttribute(name: string, value: string): string[] {
	const lower = name.toLowerCase();
	if (lower === 'xmlns' || lower.startsWith('xmlns:')) return [];
	const candidates = lower === 'srcset' ? parseSrcset(value).map((candidate) => candidate.url) : [value];
	return candidates.map(externalUrl).filter((url) => url !== undefined);
}

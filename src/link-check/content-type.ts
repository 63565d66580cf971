import { MIMEType } from 'node:util';

/** What the Content-Type header declares, or undefined when it is missing or not a valid type. */
export function declaredType(header: string | null): { essence: string; charset?: string } | undefined {
	if (!header) return undefined;
	try {
		const type = new MIMEType(header);
		return { essence: type.essence, charset: type.params.get('charset') ?? undefined };
	} catch {
		return undefined;
	}
}

export function isHtmlType(essence: string): boolean {
	return essence === 'text/html' || essence === 'application/xhtml+xml';
}

/** The bytes a browser looks at to guess the type of a page that declares none. */
export const sniffLength = 1445;

// The HTML patterns of the WHATWG MIME Sniffing standard ("rules for identifying an unknown MIME
// type"): after leading whitespace, one of these tags, then a space or `>`. No npm package
// implements the standard's table, and this is the only part of it that decides anything here.
const htmlStarts = [
	'<!doctype html', '<html', '<head', '<script', '<iframe', '<h1', '<div', '<font',
	'<table', '<a', '<style', '<title', '<b', '<body', '<br', '<p',
];

/** Whether a browser would render a body with no declared type as HTML. */
export function sniffsAsHtml(start: Uint8Array): boolean {
	const text = Buffer.from(start.subarray(0, sniffLength)).toString('latin1').replace(/^[\t\n\f\r ]+/, '').toLowerCase();
	if (text.startsWith('<!--')) return true;
	return htmlStarts.some((tag) => text.startsWith(tag) && /^[ >]/.test(text.slice(tag.length)));
}

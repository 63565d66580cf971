import { join } from 'node:path';

/** Whether a URL is written from the site root (`/img/x.png`), not protocol-relative (`//host/x`). */
export function isRootRelative(url: string): boolean {
	return url.startsWith('/') && !url.startsWith('//');
}

/** The path of a URL, without its query or fragment. */
function pathOf(url: string): string {
	return url.replace(/[?#].*$/, '');
}

/**
 * Why a root-relative URL cannot name a file, or nothing. In a URL "%" starts an escape (`%20` is a
 * space), so `/img/100%.png` names no file: a browser asks for it as written and gets an error.
 */
export function urlEscapeProblem(url: string): string | undefined {
	try {
		decodeURIComponent(pathOf(url));
		return undefined;
	} catch {
		const escaped = url.replace(/%(?![0-9a-f]{2})/gi, '%25');
		return escaped === url
			? 'its "%" escapes do not spell out text. Write the file name as it is, or rename the file to letters, digits and "-".'
			: `"%" starts an escape in a URL. Write "%25" for a percent sign: ${escaped}`;
	}
}

/**
 * The file under public/ that a root-relative URL serves, without its query or fragment. A URL with
 * a malformed escape throws here: the image check (plugins/remark/validate-images.ts) refuses it first, at
 * the lesson's line.
 */
export function publicFilePath(publicDir: string, url: string): string {
	return join(publicDir, decodeURIComponent(pathOf(url)));
}

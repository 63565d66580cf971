import { join } from 'node:path';

/** Whether a URL is written from the site root (`/img/x.png`), not protocol-relative (`//host/x`). */
export function isRootRelative(url: string): boolean {
	return url.startsWith('/') && !url.startsWith('//');
}

/** The file under public/ that a root-relative URL serves, without its query or fragment. */
export function publicFilePath(publicDir: string, url: string): string {
	return join(publicDir, decodeURIComponent(url.replace(/[?#].*$/, '')));
}

import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import compression from 'compression';
import sirv from 'sirv';
import { headersForPath, parseHeadersFile } from '../../src/hosting/headers-file.ts';

export interface StaticServer {
	/** Origin with a trailing slash, e.g. http://127.0.0.1:40123/ */
	url: string;
	close: () => Promise<void>;
}

/**
 * Serves a built site the way a static host does: files as they are, gzip when the client accepts
 * it, and the site's 404 page with status 404 for anything missing. Loopback only, ephemeral port.
 * With `base` (e.g. "/mlops-course/") the site is served under that path, as on a project site.
 * When the build wrote a `_headers` file, every response carries the headers it gives for the
 * requested path, the Content-Security-Policy included, as a host that reads the file would send.
 */
export async function startStaticServer(root: string, base = '/'): Promise<StaticServer> {
	const server = await startSharedOriginServer([{ root, base }]);
	return { url: `${server.origin}${base}`, close: server.close };
}

/**
 * Serves several built sites on one origin, each under its own base path, as one host serves the
 * modules of a course (a GitHub Pages user site, one CloudFront distribution). A request goes to
 * the site with the longest base path it starts with; anything else gets the first site's 404 page.
 */
export async function startSharedOriginServer(sites: { root: string; base: string }[]): Promise<{ origin: string; close: () => Promise<void> }> {
	const gzip = compression();
	const served = [...sites]
		.sort((a, b) => b.base.length - a.base.length)
		.map(({ root, base }) => {
			const headersFile = join(root, '_headers');
			return {
				base,
				files: sirv(root, { dev: false, etag: true, dotfiles: false }),
				notFoundPage: readFileSync(join(root, '404.html')),
				headerRules: existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [],
			};
		});
	const fallback = served.find((site) => site.base === sites[0]!.base)!;
	const server: Server = createServer((req, res) => {
		gzip(req as never, res as never, () => {
			const url = req.url ?? '/';
			const site = served.find((each) => url.startsWith(each.base));
			for (const [name, value] of Object.entries(headersForPath((site ?? fallback).headerRules, url.split('?')[0]!))) res.setHeader(name, value);
			const notFound = () => {
				res.statusCode = 404;
				res.setHeader('Content-Type', 'text/html; charset=utf-8');
				res.end((site ?? fallback).notFoundPage);
			};
			if (!site) return notFound();
			req.url = '/' + url.slice(site.base.length);
			site.files(req, res, notFound);
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}

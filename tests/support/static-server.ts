import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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
	return listen(createServer(staticHandler(root, base)), base);
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The request handler of `startStaticServer`, for a server that changes what it serves. */
export function staticHandler(root: string, base = '/'): Handler {
	return sitesHandler([{ root, base }]);
}

/**
 * Serves several built sites on one origin, each under its own base path, as one host serves the
 * modules of a course (a GitHub Pages user site, one CloudFront distribution). A request goes to
 * the site with the longest base path it starts with; anything else gets the first site's 404 page.
 */
export async function startSharedOriginServer(sites: { root: string; base: string }[]): Promise<{ origin: string; close: () => Promise<void> }> {
	const { url, close } = await listen(createServer(sitesHandler(sites)), '/');
	return { origin: url.slice(0, -1), close };
}

function sitesHandler(sites: { root: string; base: string }[]): Handler {
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
	return (req, res) => {
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
	};
}

/**
 * A static host whose deployment changes under one address, as a real one does: `deploy` serves
 * another build from then on, `disconnect` drops every connection, as a network that is gone.
 */
export async function startDeploymentServer(root: string, base = '/'): Promise<StaticServer & { deploy: (root: string) => void; disconnect: (off: boolean) => void }> {
	let handler = staticHandler(root, base);
	let off = false;
	const server = createServer((req, res) => (off ? req.socket.destroy() : handler(req, res)));
	const listening = await listen(server, base);
	return {
		...listening,
		deploy: (next) => {
			handler = staticHandler(next, base);
		},
		disconnect: (value) => {
			off = value;
			if (off) server.closeAllConnections();
		},
	};
}

async function listen(server: Server, base: string): Promise<StaticServer> {
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${base}`,
		close: () =>
			new Promise((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}

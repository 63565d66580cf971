import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { checkLinks, defaultCheckOptions, type CheckOptions, type LinkResult } from '../../../src/link-check/check-links.ts';
import type { LinkCheckConfig } from '../../../src/link-check/config.ts';
import { startLocalServer, type LocalServer } from '../../support/local-server.ts';

/** Short bounds so that every case, the slow ones included, ends in well under a second or two. */
export const fast: CheckOptions = {
	...defaultCheckOptions,
	timeoutMs: 300,
	retries: 2,
	baseDelayMs: 10,
	maxRetryAfterMs: 300,
	maxBytes: 64 * 1024,
	maxTimeMs: 5_000,
};

export const noConfig: LinkCheckConfig = { skip: [], unverifiableOn403: [] };

export const page = (body: string, head = '') =>
	`<!doctype html><html><head><title>t</title>${head}</head><body>${body}</body></html>`;

/** Checks one link to `path` on the server, as a lesson at lesson.mdx:3 would use it. */
export async function checkPath(server: LocalServer, path: string, config = noConfig, options = fast): Promise<LinkResult> {
	const url = `${server.url}${path}`;
	const [result] = await checkLinks(new Map([[url, [{ file: 'lesson.mdx', line: 3 }]]]), config, options);
	return result!;
}

/** The requests the server saw for one path. */
export function requestsFor(server: LocalServer, path: string) {
	return server.requests.filter((request) => request.path === path);
}

/** A local server that runs for the tests of one file: started before them, closed after them. */
export function serveForTheseTests(handler: (req: IncomingMessage, res: ServerResponse) => void): LocalServer {
	const server = {} as LocalServer;
	beforeAll(async () => {
		Object.assign(server, await startLocalServer(handler));
	});
	afterAll(async () => {
		await server.close();
	});
	return server;
}

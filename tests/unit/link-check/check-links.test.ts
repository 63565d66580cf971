import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../../src/link-check/check-links.ts';
import type { LinkCheckConfig } from '../../../src/link-check/config.ts';
import { closedPort } from '../../support/local-server.ts';
import { checkPath, fast, noConfig, page, serveForTheseTests } from './local-check.ts';

/** How many times each path was asked for, to answer differently the second time. */
const seen = new Map<string, number>();
let hugeBytesSent = 0;
let inFlight = 0;
let mostInFlight = 0;

function handler(req: IncomingMessage, res: ServerResponse) {
	const path = req.url ?? '/';
	const count = (seen.get(path) ?? 0) + 1;
	seen.set(path, count);
	const html = (status: number, body = page('<h1>Hello</h1>'), headers: Record<string, string> = {}) => {
		res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
		res.end(req.method === 'HEAD' ? undefined : body);
	};
	if (path.startsWith('/slow/')) {
		inFlight++;
		mostInFlight = Math.max(mostInFlight, inFlight);
		setTimeout(() => {
			inFlight--;
			html(200);
		}, 50);
		return;
	}
	switch (path) {
		case '/ok':
			return html(200);
		case '/missing':
			return html(404);
		case '/gone':
			return html(410);
		case '/moved':
			return html(301, '', { location: '/ok' });
		case '/loop-a':
			return html(302, '', { location: '/loop-b' });
		case '/loop-b':
			return html(302, '', { location: '/loop-a' });
		case '/rate-limited':
			// Asks for two minutes; the checker caps that at maxRetryAfterMs.
			return count === 1 ? html(429, 'slow down', { 'retry-after': '120' }) : html(200);
		case '/flaky':
			return count === 1 ? html(503) : html(200);
		case '/no-head':
			return req.method === 'HEAD' ? html(405) : html(200);
		case '/head-says-missing':
			return req.method === 'HEAD' ? html(404) : html(200);
		case '/forbidden':
		case '/blocked-by-bot-wall':
			return html(403);
		case '/anchors':
			return html(200, page('<h2 id="by-id">Section</h2><a name="by-name"></a><p>Text</p>'));
		case '/silent':
			return; // never answers
		case '/huge': {
			// An endless page (bounded at 100 MB so a broken cap cannot run forever).
			res.writeHead(200, { 'content-type': 'text/html' });
			const chunk = Buffer.alloc(64 * 1024, '<p>filler</p>\n');
			let stopped = false;
			res.on('close', () => (stopped = true));
			const pump = () => {
				while (!stopped && hugeBytesSent < 100 * 1024 * 1024) {
					hugeBytesSent += chunk.length;
					if (!res.write(chunk)) return void res.once('drain', pump);
				}
				res.end();
			};
			return pump();
		}
		default:
			return html(404);
	}
}

const server = serveForTheseTests(handler);

function checkOne(path: string, config = noConfig, options = fast) {
	return checkPath(server, path, config, options);
}

describe('checkLinks against a local server', () => {
	it('calls a 200 alive', async () => {
		const result = await checkOne('/ok');
		expect(result).toMatchObject({ ok: true, category: 'alive', status: 200 });
	});

	it('calls a 404 broken', async () => {
		expect(await checkOne('/missing')).toMatchObject({ ok: false, category: 'broken', status: 404, reason: 'not found (404)' });
	});

	it('calls a 410 broken', async () => {
		expect(await checkOne('/gone')).toMatchObject({ ok: false, category: 'broken', status: 410, reason: 'gone (410)' });
	});

	it('follows a 301 to a live page and says where it ended', async () => {
		const result = await checkOne('/moved');
		expect(result).toMatchObject({ ok: true, category: 'alive', status: 200, finalUrl: `${server.url}/ok` });
		expect(result.reason).toContain('1 redirect');
	});

	it('calls a redirect loop broken', async () => {
		const result = await checkOne('/loop-a');
		expect(result).toMatchObject({ ok: false, category: 'broken' });
		expect(result.reason).toContain('redirect loop');
	});

	it('gives up on a chain longer than maxRedirects', async () => {
		const result = await checkOne('/moved', noConfig, { ...fast, maxRedirects: 0 });
		expect(result).toMatchObject({ category: 'broken' });
		expect(result.reason).toContain('too many redirects');
	});

	it('waits as a 429 asks (capped), then finds the page alive', async () => {
		const result = await checkOne('/rate-limited');
		expect(result).toMatchObject({ ok: true, category: 'alive', status: 200 });
		const [first, second] = server.requests.filter((r) => r.path === '/rate-limited');
		const waited = second!.at - first!.at;
		expect(waited).toBeGreaterThanOrEqual(fast.maxRetryAfterMs - 20);
		expect(waited).toBeLessThan(3_000);
	});

	it('tries again after a 503 and finds the page alive', async () => {
		expect(await checkOne('/flaky')).toMatchObject({ ok: true, category: 'alive', status: 200 });
		expect(seen.get('/flaky')).toBe(2);
	});

	it('falls back to GET when HEAD is refused with 405', async () => {
		expect(await checkOne('/no-head')).toMatchObject({ ok: true, category: 'alive', status: 200 });
		expect(server.requests.filter((r) => r.path === '/no-head').map((r) => r.method)).toEqual(['HEAD', 'GET']);
	});

	it('asks again with GET before calling a link broken on a HEAD 404', async () => {
		expect(await checkOne('/head-says-missing')).toMatchObject({ category: 'alive', status: 200 });
		expect(server.requests.filter((r) => r.path === '/head-says-missing').map((r) => r.method)).toEqual(['HEAD', 'GET']);
	});

	it('ends within its bound on a server that never answers, as unreachable', async () => {
		const started = Date.now();
		const result = await checkOne('/silent', noConfig, { ...fast, retries: 1 });
		expect(Date.now() - started).toBeLessThan(2_000);
		expect(result).toMatchObject({ ok: false, category: 'unreachable', status: null });
		expect(result.reason).toContain('no answer within 300 ms');
	});

	it('stops at the overall time bound', async () => {
		const started = Date.now();
		const result = await checkOne('/silent', noConfig, { ...fast, timeoutMs: 10_000, maxTimeMs: 200 });
		expect(Date.now() - started).toBeLessThan(2_000);
		expect(result).toMatchObject({ category: 'unreachable' });
		expect(result.reason).toContain('overall time limit');
	});

	it('reports a refused connection as unreachable, not broken', async () => {
		const url = `http://127.0.0.1:${await closedPort()}/page`;
		const [result] = await checkLinks(new Map([[url, [{ file: 'a.mdx', line: 1 }]]]), noConfig, fast);
		expect(result).toMatchObject({ ok: false, category: 'unreachable', status: null });
		expect(result!.reason).toContain('connection refused');
	});

	it('finds a fragment given as an id', async () => {
		expect(await checkOne('/anchors#by-id')).toMatchObject({ ok: true, category: 'alive' });
	});

	it('finds a fragment given as <a name>', async () => {
		expect(await checkOne('/anchors#by-name')).toMatchObject({ ok: true, category: 'alive' });
	});

	it('calls a missing fragment broken: anchor not found', async () => {
		const result = await checkOne('/anchors#no-such-section');
		expect(result).toMatchObject({ ok: false, category: 'broken', status: 200 });
		expect(result.reason).toBe('anchor not found: #no-such-section');
	});

	it('reads no more than maxBytes of a very large page', async () => {
		hugeBytesSent = 0;
		const started = Date.now();
		const result = await checkOne('/huge#far-down');
		expect(Date.now() - started).toBeLessThan(2_000);
		// The anchor may lie past the cap: that is not proof it is missing.
		expect(result).toMatchObject({ category: 'unverified' });
		expect(result.reason).toContain(`first ${fast.maxBytes} bytes`);
		expect(hugeBytesSent).toBeLessThan(20 * 1024 * 1024);
	});

	it('reads a page once for several fragments on it', async () => {
		const before = server.requests.filter((r) => r.path === '/anchors').length;
		const sources = [{ file: 'a.mdx', line: 1 }];
		const results = await checkLinks(
			new Map([
				[`${server.url}/anchors#by-id`, sources],
				[`${server.url}/anchors#by-name`, sources],
				[`${server.url}/anchors#nowhere`, sources],
			]),
			noConfig,
			fast,
		);
		expect(results.map((r) => r.category)).toEqual(['alive', 'alive', 'broken']);
		expect(server.requests.filter((r) => r.path === '/anchors').length - before).toBe(1);
	});

	it('treats a 403 as "could not verify" only where the config says the host blocks robots', async () => {
		const config: LinkCheckConfig = {
			skip: [],
			unverifiableOn403: [{ url: `${server.url}/blocked-*`, reason: 'turns robots away' }],
		};
		const blocked = await checkOne('/blocked-by-bot-wall', config);
		expect(blocked).toMatchObject({ ok: false, category: 'unverified', status: 403 });
		expect(blocked.reason).toContain('could not verify');
		expect(await checkOne('/forbidden', config)).toMatchObject({ ok: false, category: 'broken', status: 403 });
	});

	it('matches a host rule on the host only', async () => {
		const config: LinkCheckConfig = { skip: [], unverifiableOn403: [{ host: '127.0.0.1', reason: 'turns robots away' }] };
		expect(await checkOne('/forbidden', config)).toMatchObject({ category: 'unverified' });
		const other: LinkCheckConfig = { skip: [], unverifiableOn403: [{ host: 'example.org', reason: 'x' }] };
		expect(await checkOne('/forbidden', other)).toMatchObject({ category: 'broken' });
	});

	it('asks one host for no more than perHostConcurrency pages at once', async () => {
		const sources = [{ file: 'a.mdx', line: 1 }];
		const links = new Map(Array.from({ length: 6 }, (_, i) => [`${server.url}/slow/${i}`, sources] as const));
		const results = await checkLinks(links, noConfig, { ...fast, perHostConcurrency: 2, concurrency: 8 });
		expect(results.every((r) => r.category === 'alive')).toBe(true);
		expect(mostInFlight).toBe(2);
	});

	it('does not request a skipped URL', async () => {
		const config: LinkCheckConfig = { skip: [{ url: `${server.url}/never-*`, reason: 'a sample address' }], unverifiableOn403: [] };
		const result = await checkOne('/never-asked', config);
		expect(result).toMatchObject({ ok: true, category: 'skipped', reason: 'skipped: a sample address' });
		expect(server.requests.some((r) => r.path === '/never-asked')).toBe(false);
	});
});

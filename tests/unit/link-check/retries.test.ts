import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkPath, fast, noConfig, page, requestsFor, serveForTheseTests } from './local-check.ts';

const body = page(`<h2 id="wanted">Section</h2>${'<p>filler</p>'.repeat(2_000)}`);

/** How many times each path was asked for, to fail the first time only. */
const seen = new Map<string, number>();

function handler(req: IncomingMessage, res: ServerResponse) {
	const path = req.url ?? '/';
	const count = (seen.get(path) ?? 0) + 1;
	seen.set(path, count);
	const firstTime = count === 1;
	const html = (status = 200) => {
		res.writeHead(status, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(body) });
		res.end(req.method === 'HEAD' ? undefined : body);
	};
	/** Sends the headers and part of the page, then cuts the connection. */
	const dropMidBody = () => {
		res.writeHead(200, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(body) });
		res.write(body.slice(0, 2_000));
		setTimeout(() => res.socket?.destroy(), 20);
	};
	/** Sends the headers and part of the page, then goes quiet. */
	const stallMidBody = () => {
		res.writeHead(200, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(body) });
		res.write(body.slice(0, 2_000));
	};
	switch (path) {
		case '/drop-mid-body-once':
			return firstTime ? dropMidBody() : html();
		case '/drop-mid-body-always':
			return dropMidBody();
		case '/stall-mid-body-once':
			return firstTime ? stallMidBody() : html();
		case '/stall-mid-body-always':
			return stallMidBody();
		case '/drop-before-headers-once':
			return firstTime ? void req.socket.destroy() : html();
		case '/request-timeout-once':
			return firstTime ? html(408) : html();
		case '/request-timeout-always':
			return html(408);
		case '/hop':
			res.writeHead(302, { location: '/hop-target-flaky' });
			return res.end();
		case '/hop-target-flaky':
			return firstTime ? html(502) : html();
		default:
			res.writeHead(404);
			return res.end();
	}
}

const server = serveForTheseTests(handler);

describe('retries at every point of the exchange', () => {
	it('tries again when the connection drops while the page is read', async () => {
		const result = await checkPath(server, '/drop-mid-body-once#wanted');
		expect(result).toMatchObject({ category: 'alive', status: 200 });
		expect(requestsFor(server, '/drop-mid-body-once')).toHaveLength(2);
	});

	it('calls a page that always drops mid-body unreachable, after every retry', async () => {
		const result = await checkPath(server, '/drop-mid-body-always#wanted');
		expect(result).toMatchObject({ category: 'unreachable', kind: 'network-error' });
		expect(result.reason).toMatch(/while reading the page.* after 3 tries/);
		expect(requestsFor(server, '/drop-mid-body-always')).toHaveLength(fast.retries + 1);
	});

	it('tries again when the page stops arriving within the timeout', async () => {
		const result = await checkPath(server, '/stall-mid-body-once#wanted');
		expect(result).toMatchObject({ category: 'alive', status: 200 });
		expect(requestsFor(server, '/stall-mid-body-once')).toHaveLength(2);
	});

	it('calls a page that always stalls mid-body unreachable: a timeout while reading', async () => {
		const result = await checkPath(server, '/stall-mid-body-always#wanted', noConfig, { ...fast, retries: 1 });
		expect(result).toMatchObject({ category: 'unreachable', kind: 'timeout', status: null });
		expect(result.reason).toBe(`not finished within ${fast.timeoutMs} ms while reading the page after 2 tries`);
	});

	it('tries again when the connection drops before the headers', async () => {
		expect(await checkPath(server, '/drop-before-headers-once')).toMatchObject({ category: 'alive', status: 200 });
		expect(requestsFor(server, '/drop-before-headers-once')).toHaveLength(2);
	});

	it('treats 408 Request Timeout as passing: tried again, then unreachable, never broken', async () => {
		expect(await checkPath(server, '/request-timeout-once')).toMatchObject({ category: 'alive', status: 200 });
		const always = await checkPath(server, '/request-timeout-always');
		expect(always).toMatchObject({ category: 'unreachable', status: 408 });
		expect(requestsFor(server, '/request-timeout-always').length).toBeGreaterThan(fast.retries);
	});

	it('tries a redirect target again on its own', async () => {
		const result = await checkPath(server, '/hop');
		expect(result).toMatchObject({ category: 'alive', status: 200, finalUrl: `${server.url}/hop-target-flaky` });
	});

	it('stops trying when the overall time bound is reached', async () => {
		const started = Date.now();
		const result = await checkPath(server, '/drop-mid-body-always#wanted', noConfig, { ...fast, retries: 1_000, baseDelayMs: 20, maxTimeMs: 300 });
		expect(Date.now() - started).toBeLessThan(3_000);
		expect(result).toMatchObject({ category: 'unreachable', kind: 'time-limit' });
	});
});

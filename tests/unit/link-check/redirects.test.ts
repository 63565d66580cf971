import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkPath, page, requestsFor, serveForTheseTests } from './local-check.ts';

/** Each path redirects to its Location; pages listed here answer 200 with their HTML. */
const redirects: Record<string, [number, string]> = {
	'/docs/old/page': [301, '../new/page'], // relative to the folder
	'/docs/new/page': [302, 'final?from=old'], // relative to the same folder, with a query
	'/chain/1': [307, '/chain/2'],
	'/chain/2': [308, '/chain/3'],
	'/chain/3': [303, '/sections'],
	'/moved-to-section': [301, '/sections#new-home'],
	'/moved-to-missing-section': [301, '/sections#no-such-section'],
	'/moved-to-top': [301, '/sections#'],
	'/first-override': [302, '/second-override#first'],
	'/second-override': [302, '/sections#second'],
	'/through-first': [302, '/second-no-fragment#first'],
	'/second-no-fragment': [302, '/sections'],
};

const pages: Record<string, string> = {
	'/docs/new/final?from=old': page('<h2 id="final">Final</h2>'),
	'/sections': page('<h2 id="old-home">Old</h2><h2 id="new-home">New</h2><h2 id="second">2</h2><h2 id="first">1</h2>'),
	'/refresh': page('<p>Moved.</p>', '<meta http-equiv="refresh" content="0; url=/sections">'),
	'/refresh-with-fragment': page('<p>Moved.</p>', '<meta http-equiv="refresh" content="3;URL=\'/sections#new-home\'">'),
	'/refresh-to-missing': page('<p>Moved.</p>', '<meta http-equiv="refresh" content="0; url=/nowhere">'),
	'/refresh-self': page('<h2 id="here">Live</h2>', '<meta http-equiv="refresh" content="30">'),
	'/refresh-in-noscript': page('<h2 id="here">Here</h2><noscript><meta http-equiv="refresh" content="0; url=/nowhere"></noscript>'),
};

function handler(req: IncomingMessage, res: ServerResponse) {
	const path = req.url ?? '/';
	const redirect = redirects[path];
	if (redirect) {
		res.writeHead(redirect[0], { location: redirect[1] });
		return res.end();
	}
	const html = pages[path];
	res.writeHead(html ? 200 : 404, { 'content-type': 'text/html' });
	res.end(req.method === 'HEAD' ? undefined : (html ?? 'not here'));
}

const server = serveForTheseTests(handler);

describe('redirects, judged as a browser follows them', () => {
	it('resolves relative Locations against the URL that answered', async () => {
		const result = await checkPath(server, '/docs/old/page#final');
		expect(result).toMatchObject({ category: 'alive', finalUrl: `${server.url}/docs/new/final?from=old` });
		expect(result.reason).toContain('2 redirect(s)');
	});

	it('follows a chain of 307, 308 and 303, keeping the link fragment through Locations without one', async () => {
		expect(await checkPath(server, '/chain/1#old-home')).toMatchObject({ category: 'alive', finalUrl: `${server.url}/sections` });
		const missing = await checkPath(server, '/chain/1#not-there');
		expect(missing).toMatchObject({ category: 'broken', kind: 'anchor-missing' });
	});

	it("lands on the Location's own fragment, not the link's", async () => {
		// The page has #new-home, not #gone-from-page: the browser scrolls to #new-home.
		const result = await checkPath(server, '/moved-to-section#gone-from-page');
		expect(result).toMatchObject({ category: 'alive', finalUrl: `${server.url}/sections` });
		expect(result.reason).toContain('#new-home');
	});

	it("calls a link broken when the Location's fragment is not on the page, even if the link's is", async () => {
		const result = await checkPath(server, '/moved-to-missing-section#old-home');
		expect(result).toMatchObject({ category: 'broken', kind: 'anchor-missing' });
		expect(result.reason).toContain('#no-such-section');
	});

	it("reads the page for a Location's fragment even when the link has none", async () => {
		const result = await checkPath(server, '/moved-to-missing-section');
		expect(result).toMatchObject({ category: 'broken', kind: 'anchor-missing' });
		expect(requestsFor(server, '/sections').some((request) => request.method === 'GET')).toBe(true);
	});

	it('treats an empty fragment in a Location as the top of the page', async () => {
		expect(await checkPath(server, '/moved-to-top#no-such-section')).toMatchObject({ category: 'alive' });
	});

	it('lets the last Location with a fragment decide, and carries it through later hops without one', async () => {
		const last = await checkPath(server, '/first-override#link-own');
		expect(last).toMatchObject({ category: 'alive' });
		expect(last.reason).toContain('#second');
		const carried = await checkPath(server, '/through-first#link-own');
		expect(carried).toMatchObject({ category: 'alive' });
		expect(carried.reason).toContain('#first');
	});

	it('follows a meta refresh found while reading the page', async () => {
		const refreshed = await checkPath(server, '/refresh-with-fragment#anything');
		expect(refreshed).toMatchObject({ category: 'alive', finalUrl: `${server.url}/sections` });
		expect(refreshed.reason).toContain('meta refresh');
		const toMissing = await checkPath(server, '/refresh-to-missing#x');
		expect(toMissing).toMatchObject({ category: 'broken', status: 404, finalUrl: `${server.url}/nowhere` });
	});

	it("reports a link's fragment that a meta refresh drops as not reached", async () => {
		// A browser follows the refresh to its URL as written: #old-home is lost on the way.
		const result = await checkPath(server, '/refresh#old-home');
		expect(result).toMatchObject({ category: 'broken', kind: 'anchor-missing', finalUrl: `${server.url}/sections` });
		expect(result.reason).toContain('meta refresh');
	});

	it('ignores a refresh of the page itself and one inside <noscript>', async () => {
		expect(await checkPath(server, '/refresh-self#here')).toMatchObject({ category: 'alive', finalUrl: `${server.url}/refresh-self` });
		expect(await checkPath(server, '/refresh-in-noscript#here')).toMatchObject({
			category: 'alive',
			finalUrl: `${server.url}/refresh-in-noscript`,
		});
	});
});

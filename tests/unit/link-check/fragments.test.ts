import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../../src/link-check/check-links.ts';
import { checkPath, fast, noConfig, page, requestsFor, serveForTheseTests } from './local-check.ts';

const anchorsPage = page(
	[
		'<h2 id="Setup">Setup</h2>',
		'<h2 id="café">Café</h2>',
		'<h2 id="two words">Spaces</h2>',
		'<h2 id="a&amp;b">Entity</h2>',
		'<h2 id="100%">Percent</h2>',
		'<a name="named-link"></a>',
		'<div name="named-div"></div>',
		'<p name="named-p"></p>',
		'<script>document.body.insertAdjacentHTML("beforeend", \'<h2 id="from-script">x</h2>\')</script>',
		'<!-- <h2 id="in-comment">x</h2> -->',
		'<template><h2 id="in-template">x</h2></template>',
		'<noscript><h2 id="in-noscript">x</h2></noscript>',
		'<textarea><h2 id="in-textarea">x</h2></textarea>',
		'<svg><g id="in-svg"></g></svg>',
	].join('\n'),
);

function handler(req: IncomingMessage, res: ServerResponse) {
	res.writeHead(req.url === '/page' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
	res.end(req.method === 'HEAD' ? undefined : anchorsPage);
}

const server = serveForTheseTests(handler);

async function categoryOf(fragment: string) {
	return (await checkPath(server, `/page${fragment}`)).category;
}

describe('fragments, found as a browser finds them', () => {
	it('matches ids case-sensitively', async () => {
		expect(await categoryOf('#Setup')).toBe('alive');
		expect(await categoryOf('#setup')).toBe('broken');
	});

	it('decodes percent-encoding, as written or as the URL parser encodes it', async () => {
		expect(await categoryOf('#caf%C3%A9')).toBe('alive');
		expect(await categoryOf('#café')).toBe('alive');
		expect(await categoryOf('#two%20words')).toBe('alive');
		// A fragment that is not valid percent-encoding is looked up as written.
		expect(await categoryOf('#100%')).toBe('alive');
	});

	it('reads ids with HTML entities decoded', async () => {
		expect(await categoryOf('#a&b')).toBe('alive');
		expect(await categoryOf('#a&amp;b')).toBe('broken');
	});

	it('counts name only on <a>', async () => {
		expect(await categoryOf('#named-link')).toBe('alive');
		expect(await categoryOf('#named-div')).toBe('broken');
		expect(await categoryOf('#named-p')).toBe('broken');
	});

	it('does not count ids that only appear in a script, a comment, <template>, <noscript> or <textarea>', async () => {
		for (const fragment of ['#from-script', '#in-comment', '#in-template', '#in-noscript', '#in-textarea']) {
			expect(await categoryOf(fragment), fragment).toBe('broken');
		}
		expect(await categoryOf('#in-svg')).toBe('alive');
	});

	it('takes #top (any case) and an empty fragment as the top of the page without reading it', async () => {
		const before = requestsFor(server, '/page').filter((request) => request.method === 'GET').length;
		for (const fragment of ['#top', '#TOP', '#']) {
			const result = await checkPath(server, `/page${fragment}`);
			expect(result, fragment).toMatchObject({ category: 'alive', kind: 'ok' });
		}
		expect(requestsFor(server, '/page').filter((request) => request.method === 'GET').length).toBe(before);
	});

	it('checks the fragment before a text directive (#:~:text=), and nothing for a text directive alone', async () => {
		expect(await checkPath(server, '/page#:~:text=Setup')).toMatchObject({ category: 'alive', kind: 'ok' });
		expect(await categoryOf('#Setup:~:text=Setup')).toBe('alive');
		expect(await categoryOf('#nowhere:~:text=Setup')).toBe('broken');
	});

	it('reports each fragment on its own while reading the page once', async () => {
		const sources = [{ file: 'a.mdx', line: 1 }];
		const before = requestsFor(server, '/page').length;
		const results = await checkLinks(
			new Map([
				[`${server.url}/page#Setup`, sources],
				[`${server.url}/page#setup`, sources],
				[`${server.url}/page`, sources],
			]),
			noConfig,
			fast,
		);
		expect(results.map((result) => [result.category, result.kind])).toEqual([
			['alive', 'anchor-found'],
			['broken', 'anchor-missing'],
			['alive', 'ok'],
		]);
		expect(requestsFor(server, '/page').length - before).toBe(1);
	});
});

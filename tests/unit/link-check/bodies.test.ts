import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkPath, fast, page, requestsFor, serveForTheseTests } from './local-check.ts';

const withAnchor = page('<h2 id="wanted">Section</h2>');
// Compresses about a thousandfold: a small download that would be 32 MB once decoded.
const bomb = gzipSync(Buffer.concat([Buffer.from('<!doctype html><html><body>'), Buffer.alloc(32 * 1024 * 1024, '<p>x</p>')]));

/** path: [headers, body] */
const answers: Record<string, [Record<string, string>, Buffer | string]> = {
	'/gzip': [{ 'content-type': 'text/html', 'content-encoding': 'gzip' }, gzipSync(withAnchor)],
	'/br': [{ 'content-type': 'text/html', 'content-encoding': 'br' }, brotliCompressSync(withAnchor)],
	'/deflate': [{ 'content-type': 'text/html', 'content-encoding': 'deflate' }, deflateSync(withAnchor)],
	// Some servers send raw deflate without the zlib wrapper; browsers accept both.
	'/deflate-raw': [{ 'content-type': 'text/html', 'content-encoding': 'deflate' }, deflateRawSync(withAnchor)],
	'/bomb': [{ 'content-type': 'text/html', 'content-encoding': 'gzip' }, bomb],
	'/guide.pdf': [{ 'content-type': 'application/pdf' }, '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'],
	'/untyped-html': [{}, `  \n${withAnchor}`],
	'/untyped-pdf': [{}, '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n<h2 id="wanted">'],
	'/bad-type-html': [{ 'content-type': 'not a type' }, withAnchor],
	'/plain-text': [{ 'content-type': 'text/plain; charset=utf-8' }, withAnchor],
	'/xhtml': [{ 'content-type': 'application/xhtml+xml' }, withAnchor],
	'/latin1': [{ 'content-type': 'text/html; charset=windows-1252' }, Buffer.from(page('<h2 id="café">Café</h2>'), 'latin1')],
};

function handler(req: IncomingMessage, res: ServerResponse) {
	const answer = answers[req.url ?? '/'];
	if (!answer) {
		res.writeHead(404);
		return res.end();
	}
	const [headers, body] = answer;
	// No content-type at all, not even Node's default: the case browsers sniff.
	res.writeHead(200, headers);
	res.end(req.method === 'HEAD' ? undefined : body);
}

const server = serveForTheseTests(handler);

describe('page bodies: compression and content types', () => {
	it.each(['/gzip', '/br', '/deflate', '/deflate-raw'])('decodes a %s body and finds the anchor in it', async (path) => {
		expect(await checkPath(server, `${path}#wanted`)).toMatchObject({ category: 'alive', kind: 'anchor-found' });
		expect(await checkPath(server, `${path}#missing`)).toMatchObject({ category: 'broken', kind: 'anchor-missing' });
	});

	it('asks for the encodings a browser asks for', async () => {
		await checkPath(server, '/gzip#wanted');
		const asked = String(requestsFor(server, '/gzip').at(-1)!.headers['accept-encoding']);
		expect(asked.split(/,\s*/).sort()).toEqual(['br', 'deflate', 'gzip']);
	});

	it('counts the byte cap on the decoded page, so a small compressed download cannot grow past it', async () => {
		const started = Date.now();
		const result = await checkPath(server, '/bomb#far-down');
		expect(result).toMatchObject({ category: 'unverified', kind: 'anchor-beyond-cap' });
		expect(result.reason).toContain(`first ${fast.maxBytes} bytes`);
		expect(Date.now() - started).toBeLessThan(3_000);
	});

	it('does not look for an HTML anchor in a PDF: the fragment is for the viewer', async () => {
		const result = await checkPath(server, '/guide.pdf#page=3');
		expect(result).toMatchObject({ ok: true, category: 'alive', kind: 'fragment-not-checked', status: 200 });
		expect(result.reason).toContain('not an HTML page (application/pdf)');
	});

	it('sniffs a page without a usable content-type as a browser does', async () => {
		expect(await checkPath(server, '/untyped-html#wanted')).toMatchObject({ category: 'alive', kind: 'anchor-found' });
		expect(await checkPath(server, '/untyped-html#missing')).toMatchObject({ category: 'broken', kind: 'anchor-missing' });
		expect(await checkPath(server, '/bad-type-html#missing')).toMatchObject({ category: 'broken', kind: 'anchor-missing' });
		expect(await checkPath(server, '/untyped-pdf#wanted')).toMatchObject({ category: 'alive', kind: 'fragment-not-checked' });
	});

	it('shows text/plain as text, and reads application/xhtml+xml as HTML', async () => {
		expect(await checkPath(server, '/plain-text#missing')).toMatchObject({ category: 'alive', kind: 'fragment-not-checked' });
		expect(await checkPath(server, '/xhtml#missing')).toMatchObject({ category: 'broken', kind: 'anchor-missing' });
	});

	it('decodes the page in the charset its content-type names', async () => {
		expect(await checkPath(server, '/latin1#caf%C3%A9')).toMatchObject({ category: 'alive', kind: 'anchor-found' });
	});
});

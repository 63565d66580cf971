import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkPath, page, requestsFor, serveForTheseTests } from './local-check.ts';

const challengePage = page('<h1>Just a moment...</h1><p>Checking your browser.</p>');

/** path: [status, extra headers] */
const answers: Record<string, [number, Record<string, string>]> = {
	'/status-999': [999, {}],
	'/cloudflare-403': [403, { 'cf-mitigated': 'challenge' }],
	'/cloudflare-503': [503, { 'cf-mitigated': 'challenge' }],
	'/aws-waf-challenge': [202, { 'x-amzn-waf-action': 'challenge' }],
	'/aws-waf-captcha': [405, { 'x-amzn-waf-action': 'captcha' }],
	'/plain-403': [403, {}],
	'/plain-503': [503, {}],
};

function handler(req: IncomingMessage, res: ServerResponse) {
	const path = req.url ?? '/';
	if (path === '/to-wall') {
		res.writeHead(302, { location: '/status-999' });
		return res.end();
	}
	const [status, headers] = answers[path] ?? [404, {}];
	res.writeHead(status, { 'content-type': 'text/html', ...headers });
	res.end(req.method === 'HEAD' ? undefined : challengePage);
}

const server = serveForTheseTests(handler);

describe('bot walls: could not verify, without retries', () => {
	it('reports status 999 as "could not verify" after one request', async () => {
		const result = await checkPath(server, '/status-999');
		expect(result).toMatchObject({ ok: false, category: 'unverified', kind: 'bot-wall', status: 999 });
		expect(result.reason).toContain('could not verify');
		expect(requestsFor(server, '/status-999')).toHaveLength(1);
	});

	it('reports a Cloudflare challenge (cf-mitigated: challenge) on 403 or 503 as "could not verify", whatever the config', async () => {
		expect(await checkPath(server, '/cloudflare-403')).toMatchObject({ category: 'unverified', kind: 'bot-wall', status: 403 });
		expect(await checkPath(server, '/cloudflare-503')).toMatchObject({ category: 'unverified', kind: 'bot-wall', status: 503 });
		expect(requestsFor(server, '/cloudflare-503')).toHaveLength(1);
	});

	it('does not look for a fragment in an AWS WAF challenge page served with 202', async () => {
		const result = await checkPath(server, '/aws-waf-challenge#section');
		expect(result).toMatchObject({ category: 'unverified', kind: 'bot-wall', status: 202 });
	});

	it('reports an AWS WAF CAPTCHA (405 with x-amzn-waf-action) as "could not verify", not as a client error', async () => {
		expect(await checkPath(server, '/aws-waf-captcha')).toMatchObject({ category: 'unverified', kind: 'bot-wall', status: 405 });
	});

	it('judges a wall met after a redirect the same way', async () => {
		expect(await checkPath(server, '/to-wall')).toMatchObject({ category: 'unverified', kind: 'bot-wall', finalUrl: `${server.url}/status-999` });
	});

	it('still treats a 403 and a 503 without a marker as before: broken, and retried then unreachable', async () => {
		expect(await checkPath(server, '/plain-403')).toMatchObject({ category: 'broken', kind: 'forbidden' });
		expect(await checkPath(server, '/plain-503')).toMatchObject({ category: 'unreachable', kind: 'server-error' });
		expect(requestsFor(server, '/plain-503').length).toBeGreaterThan(1);
	});
});

import { readFileSync } from 'node:fs';
import { Script, createContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { functionSourceFile } from '../../../src/hosting/site-stack.ts';

const source = readFileSync(functionSourceFile, 'utf8');

/** Runs the function's file as CloudFront does: a script (no module) whose `handler` gets the event. */
function handler(): (event: unknown) => any {
	const context = createContext({});
	new Script(source, { filename: 'cloudfront-function.js' }).runInContext(context);
	return context.handler;
}

function viewerRequest(uri: string, querystring: Record<string, { value: string; multiValue?: { value: string }[] }> = {}) {
	return {
		version: '1.0',
		context: { eventType: 'viewer-request' },
		viewer: { ip: '192.0.2.1' },
		request: { method: 'GET', uri, querystring, headers: { host: { value: 'd111111abcdef8.cloudfront.net' } }, cookies: {} },
	};
}

describe('the CloudFront Function that maps folder URLs', () => {
	it('serves the folder\'s index.html for a folder URL, the home page included', () => {
		const run = handler();
		expect(run(viewerRequest('/')).uri).toBe('/index.html');
		expect(run(viewerRequest('/lessons/automate-deployment/')).uri).toBe('/lessons/automate-deployment/index.html');
		expect(run(viewerRequest('/mlops-course/')).uri).toBe('/mlops-course/index.html');
	});

	it('passes files through unchanged', () => {
		const run = handler();
		for (const uri of ['/_astro/ui-core.DdZDRPcq.js', '/pagefind/wasm.en.pagefind', '/img/teams.png', '/404.html', '/sitemap-index.xml']) {
			const request = viewerRequest(uri).request;
			expect(run({ ...viewerRequest(uri), request })).toBe(request);
			expect(request.uri).toBe(uri);
		}
	});

	it('redirects a folder asked for without its slash, keeping the query string', () => {
		const run = handler();
		expect(run(viewerRequest('/lessons/automate-deployment'))).toEqual({
			statusCode: 301,
			statusDescription: 'Moved Permanently',
			headers: { location: { value: '/lessons/automate-deployment/' } },
		});
		const response = run(
			viewerRequest('/lessons', {
				utm_source: { value: 'mail' },
				tag: { value: 'a', multiValue: [{ value: 'a' }, { value: 'b' }] },
				flag: { value: '' },
			}),
		);
		expect(response.headers.location.value).toBe('/lessons/?utm_source=mail&tag=a&tag=b&flag');
	});

	it('takes a last segment with a dot for a file (folder slugs have none)', () => {
		expect(handler()(viewerRequest('/lessons/v1.2')).uri).toBe('/lessons/v1.2');
	});

	it('fits CloudFront Functions: a plain script under 10 KB that defines handler', () => {
		expect(Buffer.byteLength(source)).toBeLessThan(10 * 1024);
		expect(source).not.toMatch(/^\s*(import|export)\s/m);
		expect(typeof handler()).toBe('function');
	});
});

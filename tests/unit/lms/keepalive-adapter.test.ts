import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepaliveAdapter } from '../../../src/lms/runtime/keepalive-adapter.ts';

describe('keepalive adapter', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('sends every request with keepalive, so that it outlives the page, and answers as axios does', async () => {
		const fetch = vi.fn(async () => new Response('["id"]', { status: 200, headers: { 'Content-Type': 'application/json' } }));
		vi.stubGlobal('fetch', fetch);
		const send = keepaliveAdapter(() => 'http://127.0.0.1/lrs/statements?x=1');
		const response = await send({ method: 'put', data: '{"a":1}', headers: { toJSON: () => ({ Authorization: 'Basic x' }) } });
		expect(fetch).toHaveBeenCalledWith('http://127.0.0.1/lrs/statements?x=1', { method: 'PUT', headers: { Authorization: 'Basic x' }, body: '{"a":1}', keepalive: true });
		expect(response).toMatchObject({ status: 200, data: ['id'] });
	});

	it('fails a refused request with its status, as axios does, so that a missing state reads as 404', async () => {
		vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
		const send = keepaliveAdapter(() => 'http://127.0.0.1/lrs/activities/state');
		await expect(send({ validateStatus: (status) => status < 300 })).rejects.toMatchObject({ response: { status: 404 } });
	});
});

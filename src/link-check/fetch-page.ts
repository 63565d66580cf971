import { setTimeout as sleep } from 'node:timers/promises';
import { createAnchorCollector } from './html-anchors.ts';

export interface FetchOptions {
	/** Time allowed for one request, body included. */
	timeoutMs: number;
	/** Further tries after a network error, a timeout, a 5xx or a 429. */
	retries: number;
	/** Wait before the first retry; doubled for each further one. */
	baseDelayMs: number;
	/** Longest wait a Retry-After header may ask for. */
	maxRetryAfterMs: number;
	maxRedirects: number;
	/** Bytes read from a page at most, to find anchors in. */
	maxBytes: number;
	userAgent: string;
	/** Aborts everything when the overall time bound is reached. */
	signal?: AbortSignal;
}

/** What one page answered, after redirects and retries. A 403 is left for the caller to judge. */
export interface PageResult {
	outcome: 'alive' | 'gone' | 'unreachable' | 'forbidden';
	status: number | null;
	reason: string;
	finalUrl: string;
	redirects: number;
	/** Present when the body of an HTML page was read. */
	anchors?: Set<string>;
	/** The body was longer than maxBytes and was cut there. */
	truncated?: boolean;
	bytesRead?: number;
	isHtml?: boolean;
}

/**
 * Servers that refuse HEAD say so with 405 or 501, and some with 403 or even 404, while GET works.
 * Any such answer is asked again with GET before the link is called broken: one extra request
 * for a dead link is cheaper than a false alarm.
 */
function headRefused(status: number): boolean {
	return (status >= 400 && status < 500 && status !== 429) || status === 501;
}

/**
 * Fetches a page the way a browser would reach it, following redirects one by one so that a
 * loop or a long chain is seen and where the link ends is known. `wantBody` reads the page
 * (GET, up to maxBytes) to find its anchors; otherwise HEAD is enough.
 */
export async function fetchPage(url: string, wantBody: boolean, options: FetchOptions): Promise<PageResult> {
	let current = url;
	let method: 'GET' | 'HEAD' = wantBody ? 'GET' : 'HEAD';
	const visited = new Set([current]);
	for (let redirects = 0; ; ) {
		let answer = await requestWithRetries(current, method, options);
		if ('response' in answer && method === 'HEAD' && headRefused(answer.response.status)) {
			await discard(answer.response);
			method = 'GET';
			answer = await requestWithRetries(current, method, options);
		}
		const base = { finalUrl: current, redirects };
		if ('error' in answer) return { ...base, outcome: 'unreachable', status: answer.status, reason: answer.error };
		const { response, tries } = answer;
		const status = response.status;
		if (status >= 300 && status < 400 && status !== 304) {
			await discard(response);
			const location = response.headers.get('location');
			if (!location) return { ...base, outcome: 'gone', status, reason: `redirect (${status}) without a Location` };
			if (redirects >= options.maxRedirects) {
				return { ...base, outcome: 'gone', status, reason: `too many redirects (more than ${options.maxRedirects})` };
			}
			let next: URL;
			try {
				next = new URL(location, current);
			} catch {
				return { ...base, outcome: 'gone', status, reason: `redirect (${status}) to an invalid address: ${location}` };
			}
			next.hash = '';
			if (visited.has(next.href)) return { ...base, outcome: 'gone', status, reason: `redirect loop back to ${next.href}` };
			visited.add(next.href);
			current = next.href;
			redirects++;
			continue;
		}
		if (status >= 200 && status < 300) {
			const reason = redirects > 0 ? `${status}, after ${redirects} redirect(s)` : String(status);
			const isHtml = /html/i.test(response.headers.get('content-type') ?? 'text/html');
			if (!wantBody || method === 'HEAD' || !isHtml) {
				await discard(response);
				return { ...base, outcome: 'alive', status, reason, isHtml };
			}
			try {
				const { anchors, truncated, bytesRead } = await readAnchors(response, options.maxBytes);
				return { ...base, outcome: 'alive', status, reason, isHtml, anchors, truncated, bytesRead };
			} catch (error) {
				return { ...base, outcome: 'unreachable', status, reason: `page could not be read: ${describeError(error, options)}` };
			}
		}
		await discard(response);
		if (status === 404) return { ...base, outcome: 'gone', status, reason: 'not found (404)' };
		if (status === 410) return { ...base, outcome: 'gone', status, reason: 'gone (410)' };
		if (status === 403) return { ...base, outcome: 'forbidden', status, reason: 'forbidden (403)' };
		if (status === 429) return { ...base, outcome: 'unreachable', status, reason: `rate limited (429) after ${tries} tries` };
		if (status >= 400 && status < 500) return { ...base, outcome: 'gone', status, reason: `client error (${status})` };
		if (status >= 500) return { ...base, outcome: 'unreachable', status, reason: `server error (${status}) after ${tries} tries` };
		return { ...base, outcome: 'unreachable', status, reason: `unexpected status ${status}` };
	}
}

type Answer = { response: Response; tries: number } | { error: string; status: number | null };

/** One request, tried again on what is usually passing: network errors, timeouts, 5xx, 429. */
async function requestWithRetries(url: string, method: 'GET' | 'HEAD', options: FetchOptions): Promise<Answer> {
	for (let attempt = 0; ; attempt++) {
		const tries = attempt + 1;
		if (options.signal?.aborted) return { error: 'not finished: overall time limit reached', status: null };
		let wait: number;
		try {
			const signals = [AbortSignal.timeout(options.timeoutMs), ...(options.signal ? [options.signal] : [])];
			const response = await fetch(url, {
				method,
				redirect: 'manual',
				signal: AbortSignal.any(signals),
				headers: {
					'user-agent': options.userAgent,
					accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
					'accept-language': 'en-US,en;q=0.9',
				},
			});
			const transient = response.status === 429 || response.status >= 500;
			if (!transient || attempt >= options.retries) return { response, tries };
			wait = retryAfter(response, options) ?? backoff(attempt, options);
			await discard(response);
		} catch (error) {
			if (options.signal?.aborted) return { error: 'not finished: overall time limit reached', status: null };
			if (attempt >= options.retries) return { error: `${describeError(error, options)} after ${tries} tries`, status: null };
			wait = backoff(attempt, options);
		}
		try {
			await sleep(wait, undefined, { signal: options.signal });
		} catch {
			return { error: 'not finished: overall time limit reached', status: null };
		}
	}
}

function backoff(attempt: number, options: FetchOptions): number {
	return options.baseDelayMs * 2 ** attempt;
}

/** Retry-After in seconds or as a date, capped so that one server cannot stall the run. */
function retryAfter(response: Response, options: FetchOptions): number | undefined {
	const value = response.headers.get('retry-after');
	if (!value) return undefined;
	const seconds = Number(value);
	const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
	if (!Number.isFinite(ms)) return undefined;
	return Math.min(Math.max(ms, 0), options.maxRetryAfterMs);
}

/** Reads at most maxBytes of the body, collecting anchors as it goes, then lets the connection go. */
async function readAnchors(response: Response, maxBytes: number) {
	const collector = createAnchorCollector();
	const decoder = new TextDecoder();
	let bytesRead = 0;
	let truncated = false;
	if (response.body) {
		const reader = response.body.getReader();
		while (true) {
			const { done, value } = await reader.read();
			if (done) break;
			const room = maxBytes - bytesRead;
			collector.write(decoder.decode(value.subarray(0, room), { stream: true }));
			bytesRead += Math.min(value.byteLength, room);
			if (value.byteLength >= room) {
				truncated = value.byteLength > room || !(await isAtEnd(reader));
				break;
			}
		}
		await reader.cancel().catch(() => {});
	}
	collector.write(decoder.decode());
	return { anchors: collector.end(), truncated, bytesRead };
}

/** After exactly maxBytes, whether the page ended there too (then nothing was cut). */
async function isAtEnd(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<boolean> {
	const { done, value } = await reader.read();
	return done || value.byteLength === 0;
}

async function discard(response: Response) {
	await response.body?.cancel().catch(() => {});
}

/** A network error in words a maintainer can act on. */
function describeError(error: unknown, options: FetchOptions): string {
	const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
	if (err.name === 'TimeoutError') return `no answer within ${options.timeoutMs} ms`;
	const code = err.cause?.code;
	const known: Record<string, string> = {
		ECONNREFUSED: 'connection refused',
		ECONNRESET: 'connection reset',
		ENOTFOUND: 'host not found (DNS)',
		EAI_AGAIN: 'host lookup failed (DNS)',
		ETIMEDOUT: 'connection timed out',
		UND_ERR_SOCKET: 'connection closed by the server',
	};
	if (code && known[code]) return known[code];
	return [err.message, err.cause?.message ?? code].filter(Boolean).join(': ') || 'network error';
}

import { setTimeout as sleep } from 'node:timers/promises';
import { botWallOf } from './bot-walls.ts';
import type { AnswerKind } from './classification.ts';
import { anchorToFind } from './fragments.ts';
import { readPage, type PageBody } from './read-page.ts';

export interface FetchOptions {
	/** Time allowed for one request, body included. */
	timeoutMs: number;
	/** Further tries after a network error, a timeout, a 5xx, a 408 or a 429, at any point of the exchange. */
	retries: number;
	/** Wait before the first retry; doubled for each further one. */
	baseDelayMs: number;
	/** Longest wait a Retry-After header may ask for. */
	maxRetryAfterMs: number;
	/** Redirects (meta refreshes included) followed before giving up. */
	maxRedirects: number;
	/** Bytes read from a page at most, to find anchors in. */
	maxBytes: number;
	userAgent: string;
	/** Aborts everything when the overall time bound is reached. */
	signal?: AbortSignal;
}

/**
 * A fragment that a hop on the way put in place of the link's. A browser keeps the link's fragment
 * through a redirect whose Location has none, takes the Location's when it has one, and follows a
 * meta refresh to its URL exactly as written: `fragment` is null when a refresh drops it.
 */
export interface FragmentOverride {
	fragment: string | null;
	via: 'redirect' | 'meta refresh';
	url: string;
}

/**
 * What one page answered, after redirects and retries. `kind` is 'ok' for a 2xx answer, whose
 * verdict still depends on each link's fragment, and 'forbidden' for a 403, which depends on
 * the config; the caller judges those.
 */
export interface PageResult {
	kind: AnswerKind;
	status: number | null;
	reason: string;
	finalUrl: string;
	fragmentOverride?: FragmentOverride;
	/** Present when the body of a 2xx answer was read. */
	body?: PageBody;
}

/**
 * Servers that refuse HEAD say so with 405 or 501, and some with 403 or even 404, while GET works.
 * Any such answer is asked again with GET before the link is called broken: one extra request
 * for a dead link is cheaper than a false alarm.
 */
function headRefused(status: number): boolean {
	return (status >= 400 && status < 500 && status !== 429 && status !== 408) || status === 501;
}

/** Answers that usually pass: the server is busy, slow or rate-limiting. */
function isTransient(status: number): boolean {
	return status === 408 || status === 429 || (status >= 500 && status < 600);
}

function isRedirect(status: number): boolean {
	return status >= 300 && status < 400 && status !== 304;
}

/**
 * Fetches a page the way a browser would reach it, following redirects and meta refreshes one by
 * one, so that a loop or a long chain is seen and where the link ends is known. `wantBody` reads
 * the page (GET, up to maxBytes) to find its anchors; otherwise HEAD is enough, unless a redirect
 * brings a fragment of its own, whose anchor must then be found.
 */
export async function fetchPage(url: string, wantBody: boolean, options: FetchOptions): Promise<PageResult> {
	let current = url;
	let readBody = wantBody;
	let fragmentOverride: FragmentOverride | undefined;
	const visited = new Set([current]);
	const hops = { redirect: 0, 'meta refresh': 0 };
	for (;;) {
		const method = readBody ? 'GET' : 'HEAD';
		let answer = await exchange(current, method, readBody, options);
		if ('response' in answer && method === 'HEAD' && headRefused(answer.response.status) && !botWallOf(answer.response)) {
			await discard(answer.response);
			answer = await exchange(current, 'GET', readBody, options);
		}
		const base = { finalUrl: current, fragmentOverride };
		if ('kind' in answer) return { ...base, kind: answer.kind, status: answer.status, reason: answer.reason };
		const { response, tries, body } = answer;
		const status = response.status;
		const fail = async (kind: AnswerKind, reason: string): Promise<PageResult> => {
			await discard(response);
			return { ...base, kind, status, reason };
		};

		const wall = botWallOf(response);
		if (wall) return fail('bot-wall', `could not verify: ${wall}`);

		let next: { url: URL; via: FragmentOverride['via'] } | undefined;
		if (isRedirect(status)) {
			const location = response.headers.get('location');
			if (!location) return fail('bad-redirect', `redirect (${status}) without a Location`);
			try {
				next = { url: new URL(location, current), via: 'redirect' };
			} catch {
				return fail('bad-redirect', `redirect (${status}) to an invalid address: ${location}`);
			}
			if (location.includes('#')) fragmentOverride = { fragment: next.url.hash.slice(1), via: 'redirect', url: next.url.href };
		} else if (status >= 200 && status < 300 && body?.html?.refresh !== undefined) {
			const target = safeUrl(body.html.refresh, current);
			// A refresh to the page itself only reloads it; the browser stays.
			if (target && withoutFragment(target) !== current) {
				next = { url: target, via: 'meta refresh' };
				const fragment = body.html.refresh.includes('#') ? target.hash.slice(1) : null;
				fragmentOverride = { fragment, via: 'meta refresh', url: target.href };
			}
		}
		if (next) {
			await discard(response);
			if (hops.redirect + hops['meta refresh'] >= options.maxRedirects) {
				return { ...base, kind: 'too-many-redirects', status, reason: `too many redirects (more than ${options.maxRedirects})` };
			}
			const target = withoutFragment(next.url);
			if (visited.has(target)) return { ...base, kind: 'redirect-loop', status, reason: `redirect loop back to ${target}` };
			visited.add(target);
			hops[next.via]++;
			current = target;
			const fragment = fragmentOverride?.fragment;
			if (fragment && anchorToFind(fragment) !== undefined) readBody = true;
			continue;
		}

		if (status >= 200 && status < 300) {
			await discard(response);
			const after = [
				hops.redirect > 0 ? `${hops.redirect} redirect(s)` : '',
				hops['meta refresh'] > 0 ? `${hops['meta refresh']} meta refresh(es)` : '',
			].filter((part) => part !== '');
			const reason = after.length > 0 ? `${status}, after ${after.join(' and ')}` : String(status);
			return { ...base, kind: 'ok', status, reason, body };
		}
		if (status === 404) return fail('not-found', 'not found (404)');
		if (status === 410) return fail('gone', 'gone (410)');
		if (status === 403) return fail('forbidden', 'forbidden (403)');
		if (status === 408) return fail('timeout', `request timeout (408) after ${tries} tries`);
		if (status === 429) return fail('rate-limited', `rate limited (429) after ${tries} tries`);
		if (status >= 400 && status < 500) return fail('client-error', `client error (${status})`);
		if (status >= 500 && status < 600) return fail('server-error', `server error (${status}) after ${tries} tries`);
		return fail('unexpected-status', `unexpected status ${status}`);
	}
}

type Exchange =
	| { response: Response; tries: number; body?: PageBody }
	| { kind: 'network-error' | 'timeout' | 'time-limit'; status: null; reason: string };

const timeLimit = { kind: 'time-limit', status: null, reason: 'not finished: overall time limit reached' } as const;

/**
 * One request, and with `readBody` the reading of a 2xx body, tried again on what is usually
 * passing: network errors and timeouts before the headers or while the body arrives, 5xx, 408
 * and 429. A bot wall is not retried: it would answer the same.
 */
async function exchange(url: string, method: 'GET' | 'HEAD', readBody: boolean, options: FetchOptions): Promise<Exchange> {
	for (let attempt = 0; ; attempt++) {
		const tries = attempt + 1;
		if (options.signal?.aborted) return timeLimit;
		let wait: number;
		let stage = '';
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
					// What browsers ask for, less zstd, which Node's fetch cannot decode yet.
					'accept-encoding': 'gzip, deflate, br',
				},
			});
			const wall = botWallOf(response) !== undefined;
			const ok = response.status >= 200 && response.status < 300;
			if (!wall && ok && readBody && method === 'GET') {
				stage = ' while reading the page';
				return { response, tries, body: await readPage(response, options.maxBytes) };
			}
			if (wall || !isTransient(response.status) || attempt >= options.retries) return { response, tries };
			wait = retryAfter(response, options) ?? backoff(attempt, options);
			await discard(response);
		} catch (error) {
			if (options.signal?.aborted) return timeLimit;
			if (attempt >= options.retries) {
				const kind = (error as Error).name === 'TimeoutError' ? 'timeout' : 'network-error';
				return { kind, status: null, reason: `${describeError(error, options, stage !== '')}${stage} after ${tries} tries` };
			}
			wait = backoff(attempt, options);
		}
		try {
			await sleep(wait, undefined, { signal: options.signal });
		} catch {
			return timeLimit;
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

function withoutFragment(url: URL): string {
	const copy = new URL(url);
	copy.hash = '';
	return copy.href;
}

function safeUrl(text: string, base: string): URL | undefined {
	try {
		return new URL(text, base);
	} catch {
		return undefined;
	}
}

async function discard(response: Response) {
	await response.body?.cancel().catch(() => {});
}

/** A network error in words a maintainer can act on. */
function describeError(error: unknown, options: FetchOptions, reading: boolean): string {
	const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
	if (err.name === 'TimeoutError') return `${reading ? 'not finished' : 'no answer'} within ${options.timeoutMs} ms`;
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

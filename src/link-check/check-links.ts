import { categoryOfKind, type AnswerKind, type Category } from './classification.ts';
import { findSkipRule, findUnverifiableRule, type LinkCheckConfig } from './config.ts';
import { fetchPage, type FetchOptions, type PageResult } from './fetch-page.ts';
import { anchorToFind, hasAnchor } from './fragments.ts';
import type { LinkSource } from './find-links.ts';
import { createLimit } from '../concurrency-limit.ts';

export type { Category } from './classification.ts';

export interface LinkResult {
	url: string;
	/** The link is known to work (alive) or is deliberately not checked (skipped). */
	ok: boolean;
	category: Category;
	/** Which kind of answer decided the category (see docs/link-checking.md). */
	kind: AnswerKind;
	status: number | null;
	reason: string;
	finalUrl: string | null;
	sources: LinkSource[];
}

export interface CheckOptions extends Omit<FetchOptions, 'signal'> {
	/** Time bound of the whole run; pages not done by then are reported unreachable. */
	maxTimeMs: number;
	concurrency: number;
	perHostConcurrency: number;
}

export const defaultCheckOptions: CheckOptions = {
	timeoutMs: 15_000,
	retries: 2,
	baseDelayMs: 1_000,
	maxRetryAfterMs: 30_000,
	maxRedirects: 10,
	maxBytes: 5 * 1024 * 1024,
	maxTimeMs: 5 * 60_000,
	concurrency: 8,
	perHostConcurrency: 2,
	// Some hosts answer an unknown client differently from a browser; the last word says who asks.
	userAgent:
		'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 mlops-course-link-check',
};

/**
 * Checks each URL once. Links to the same page with different fragments share one request:
 * the page is read once and each fragment looked up in it.
 */
export async function checkLinks(
	links: Map<string, LinkSource[]>,
	config: LinkCheckConfig,
	options: CheckOptions = defaultCheckOptions,
): Promise<LinkResult[]> {
	const signal = AbortSignal.timeout(options.maxTimeMs);
	const fetchOptions: FetchOptions = { ...options, signal };
	const all = createLimit(options.concurrency);
	const hosts = new Map<string, ReturnType<typeof createLimit>>();

	const pages = new Map<string, { urls: string[]; wantBody: boolean }>();
	const results = new Map<string, LinkResult>();
	for (const [url, sources] of links) {
		const skip = findSkipRule(config, url);
		if (skip) {
			results.set(url, result(url, sources, 'skipped', `skipped: ${skip.reason}`));
			continue;
		}
		let parsed: URL;
		try {
			parsed = new URL(url);
		} catch {
			results.set(url, result(url, sources, 'invalid-url', 'not a valid URL'));
			continue;
		}
		const fragment = parsed.hash.slice(1);
		parsed.hash = '';
		const page = pages.get(parsed.href) ?? { urls: [], wantBody: false };
		page.urls.push(url);
		page.wantBody ||= anchorToFind(fragment) !== undefined;
		pages.set(parsed.href, page);
	}

	await Promise.all(
		[...pages].map(async ([pageUrl, { urls, wantBody }]) => {
			const host = new URL(pageUrl).host;
			const perHost = hosts.get(host) ?? createLimit(options.perHostConcurrency);
			hosts.set(host, perHost);
			const page = await perHost(() => all(() => fetchPage(pageUrl, wantBody, fetchOptions)));
			for (const url of urls) results.set(url, judge(url, links.get(url)!, page, config, options));
		}),
	);
	return [...links.keys()].map((url) => results.get(url)!);
}

function result(url: string, sources: LinkSource[], kind: AnswerKind, reason: string, page?: PageResult): LinkResult {
	const category = categoryOfKind[kind];
	const ok = category === 'alive' || category === 'skipped';
	return { url, ok, category, kind, status: page?.status ?? null, reason, finalUrl: page?.finalUrl ?? null, sources };
}

/** Turns what the page answered into the verdict for one link to it. */
function judge(url: string, sources: LinkSource[], page: PageResult, config: LinkCheckConfig, options: CheckOptions): LinkResult {
	const verdict = (kind: AnswerKind, reason: string) => result(url, sources, kind, reason, page);
	if (page.kind === 'forbidden') {
		const rule = findUnverifiableRule(config, [url, page.finalUrl]);
		return rule ? verdict('forbidden-listed', `could not verify: 403 (${rule.reason})`) : verdict('forbidden', page.reason);
	}
	if (page.kind !== 'ok') return verdict(page.kind, page.reason);

	// The fragment the browser ends on: the link's, unless a hop on the way replaced or dropped it.
	const linkFragment = new URL(url).hash.slice(1);
	const override = page.fragmentOverride;
	if (override?.fragment === null && anchorToFind(linkFragment) !== undefined) {
		return verdict('anchor-missing', `anchor not reached: the meta refresh to ${override.url} drops #${linkFragment}`);
	}
	const fragment = override ? (override.fragment ?? '') : linkFragment;
	const note = override && override.fragment !== null ? ` (the ${override.via} to ${override.url} lands there)` : '';
	const anchor = anchorToFind(fragment);
	if (anchor === undefined) return verdict('ok', page.reason);
	if (!page.body?.isHtml) {
		const type = page.body?.contentType ?? 'not read';
		return verdict('fragment-not-checked', `${page.reason}; #${anchor}${note} not checked: not an HTML page (${type})`);
	}
	if (hasAnchor(page.body.html!.anchors, anchor)) return verdict('anchor-found', note ? `${page.reason}; #${anchor} found${note}` : page.reason);
	if (page.body.truncated) {
		return verdict('anchor-beyond-cap', `could not verify: #${anchor}${note} not in the first ${options.maxBytes} bytes of the page`);
	}
	return verdict('anchor-missing', `anchor not found: #${anchor}${note}`);
}

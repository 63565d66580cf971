import { findSkipRule, findUnverifiableRule, type LinkCheckConfig } from './config.ts';
import { fetchPage, type FetchOptions, type PageResult } from './fetch-page.ts';
import { hasAnchor } from './html-anchors.ts';
import type { LinkSource } from './find-links.ts';
import { createLimit } from './limit.ts';

/**
 * alive: answered and, for `#fragment`, has the anchor. broken: the page or the anchor is gone.
 * unreachable: no usable answer (network, timeouts, 5xx, 429), which proves nothing about the link.
 * unverified: the host turns robots away (a configured 403) or the anchor lies past the byte cap.
 * skipped: listed in the config's skip list.
 */
export type Category = 'alive' | 'broken' | 'unreachable' | 'unverified' | 'skipped';

export interface LinkResult {
	url: string;
	/** The link is known to work (alive) or is deliberately not checked (skipped). */
	ok: boolean;
	category: Category;
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
			results.set(url, { url, ok: true, category: 'skipped', status: null, reason: `skipped: ${skip.reason}`, finalUrl: null, sources });
			continue;
		}
		let parsed: URL;
		try {
			parsed = new URL(url);
		} catch {
			results.set(url, { url, ok: false, category: 'broken', status: null, reason: 'not a valid URL', finalUrl: null, sources });
			continue;
		}
		const fragment = parsed.hash.slice(1);
		parsed.hash = '';
		const page = pages.get(parsed.href) ?? { urls: [], wantBody: false };
		page.urls.push(url);
		page.wantBody ||= fragment !== '' && fragment.toLowerCase() !== 'top';
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

/** Turns what the page answered into the verdict for one link to it. */
function judge(url: string, sources: LinkSource[], page: PageResult, config: LinkCheckConfig, options: CheckOptions): LinkResult {
	const base = { url, status: page.status, finalUrl: page.finalUrl, sources };
	const verdict = (category: Category, reason: string): LinkResult => ({ ...base, ok: category === 'alive', category, reason });
	switch (page.outcome) {
		case 'gone':
			return verdict('broken', page.reason);
		case 'unreachable':
			return verdict('unreachable', page.reason);
		case 'forbidden': {
			const rule = findUnverifiableRule(config, [url, page.finalUrl]);
			return rule ? verdict('unverified', `could not verify: 403 (${rule.reason})`) : verdict('broken', page.reason);
		}
		case 'alive': {
			const fragment = new URL(url).hash.slice(1);
			if (fragment === '' || fragment.toLowerCase() === 'top') return verdict('alive', page.reason);
			if (!page.isHtml) return verdict('alive', `${page.reason}; #${fragment} not checked (not an HTML page)`);
			if (page.anchors && hasAnchor(page.anchors, fragment)) return verdict('alive', page.reason);
			if (page.truncated) {
				return verdict('unverified', `could not verify: #${fragment} not in the first ${options.maxBytes} bytes of the page`);
			}
			return verdict('broken', `anchor not found: #${fragment}`);
		}
	}
}

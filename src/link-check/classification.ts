/**
 * alive: answered and, for `#fragment`, has the anchor. broken: the page or the anchor is gone.
 * unreachable: no usable answer (network, timeouts, 5xx, 429), which proves nothing about the link.
 * unverified: something stood between the checker and the page (a bot wall, a configured 403,
 * the byte cap), so nothing certain can be said. skipped: listed in the config's skip list.
 */
export type Category = 'alive' | 'broken' | 'unreachable' | 'unverified' | 'skipped';

/**
 * Every kind of answer the checker tells apart, and the category it puts it in. The JSON report
 * carries the kind of each link; docs/link-checking.md explains each one, and a test holds that
 * table and this one to the same categories.
 */
export const categoryOfKind = {
	ok: 'alive',
	'anchor-found': 'alive',
	'fragment-not-checked': 'alive',
	'not-found': 'broken',
	gone: 'broken',
	forbidden: 'broken',
	'client-error': 'broken',
	'anchor-missing': 'broken',
	'redirect-loop': 'broken',
	'too-many-redirects': 'broken',
	'bad-redirect': 'broken',
	'invalid-url': 'broken',
	'network-error': 'unreachable',
	timeout: 'unreachable',
	'server-error': 'unreachable',
	'rate-limited': 'unreachable',
	'unexpected-status': 'unreachable',
	'time-limit': 'unreachable',
	'bot-wall': 'unverified',
	'forbidden-listed': 'unverified',
	'anchor-beyond-cap': 'unverified',
	skipped: 'skipped',
} as const satisfies Record<string, Category>;

export type AnswerKind = keyof typeof categoryOfKind;

/** The words the terminal table and the Markdown report use for each category. */
export const categoryWords: Record<Category, string> = {
	alive: 'alive',
	broken: 'BROKEN',
	unreachable: 'unreachable',
	unverified: 'could not verify',
	skipped: 'skipped',
};

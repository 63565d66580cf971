/**
 * Answers that come from a wall put up against automated clients rather than from the page: they
 * say nothing about the link, and asking again only meets the same wall, so they are reported as
 * "could not verify" and not retried. Only markers the vendors document are listed, so an ordinary
 * 403 or 503 is never mistaken for one.
 */
const challengeHeaders: { header: string; values: string[]; who: string }[] = [
	// Cloudflare sets it on every challenge page, whatever the status (usually 403 or 503).
	{ header: 'cf-mitigated', values: ['challenge'], who: 'a Cloudflare challenge' },
	// AWS WAF answers a challenge with 202 and an interstitial page, a CAPTCHA with 405.
	{ header: 'x-amzn-waf-action', values: ['challenge', 'captcha'], who: 'an AWS WAF challenge' },
];

/** Status 999 is not in any standard; some large sites (LinkedIn among them) send it to robots. */
const botWallStatus = 999;

/** Why this answer is a bot wall, or undefined when it is an ordinary answer. */
export function botWallOf(response: Pick<Response, 'status' | 'headers'>): string | undefined {
	if (response.status === botWallStatus) return `status ${botWallStatus}, sent to automated requests`;
	for (const { header, values, who } of challengeHeaders) {
		const value = response.headers.get(header)?.trim().toLowerCase();
		if (value && values.includes(value)) return `${who} (${header}: ${value})`;
	}
	return undefined;
}

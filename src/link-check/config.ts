import { readFileSync } from 'node:fs';

/** A URL the checker leaves alone, and why. `url` is exact or a pattern where `*` stands for any text. */
export interface SkipRule {
	url: string;
	reason: string;
}

/** Where a 403 means "this host turns robots away", not "this page is gone". One of `host`, `url`. */
export interface UnverifiableRule {
	host?: string;
	url?: string;
	reason: string;
}

export interface LinkCheckConfig {
	skip: SkipRule[];
	unverifiableOn403: UnverifiableRule[];
}

export class ConfigError extends Error {}

/** Reads and checks the config file, so a typo is reported with the file instead of ignored. */
export function loadConfig(file: string): LinkCheckConfig {
	let data: unknown;
	try {
		data = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new ConfigError(`cannot read the config ${file}: ${(error as Error).message}`);
	}
	const fail = (what: string) => new ConfigError(`${file}: ${what}`);
	if (!isObject(data)) throw fail('expected an object');
	for (const key of Object.keys(data)) {
		if (!['$comment', 'skip', 'unverifiableOn403'].includes(key)) throw fail(`unknown key "${key}"`);
	}
	const skip = arrayOf(data.skip, 'skip', fail).map((entry, index) => {
		if (!isObject(entry) || !isText(entry.url) || !isText(entry.reason)) {
			throw fail(`skip[${index}] needs a "url" and a "reason"`);
		}
		return { url: entry.url, reason: entry.reason };
	});
	const unverifiableOn403 = arrayOf(data.unverifiableOn403, 'unverifiableOn403', fail).map((entry, index) => {
		if (!isObject(entry) || !isText(entry.reason) || isText(entry.host) === isText(entry.url)) {
			throw fail(`unverifiableOn403[${index}] needs a "reason" and one of "host" or "url"`);
		}
		return isText(entry.host) ? { host: entry.host, reason: entry.reason } : { url: entry.url as string, reason: entry.reason };
	});
	return { skip, unverifiableOn403 };
}

/** The rule that skips this URL, if any. */
export function findSkipRule(config: LinkCheckConfig, url: string): SkipRule | undefined {
	return config.skip.find((rule) => urlMatches(rule.url, url));
}

/** The rule that makes a 403 from one of these URLs "could not verify", if any. */
export function findUnverifiableRule(config: LinkCheckConfig, urls: string[]): UnverifiableRule | undefined {
	return config.unverifiableOn403.find((rule) =>
		urls.some((url) => (rule.host ? hostOf(url) === rule.host.toLowerCase() : urlMatches(rule.url!, url))),
	);
}

// A `*` wildcard covers every case a maintainer needs here; a glob library would bring path rules
// (`/` as a separator) that do not fit URLs.
function urlMatches(pattern: string, url: string): boolean {
	if (!pattern.includes('*')) return pattern === url;
	const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
	return new RegExp(`^${source}$`).test(url);
}

function hostOf(url: string): string | undefined {
	try {
		return new URL(url).hostname.toLowerCase();
	} catch {
		return undefined;
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
	return typeof value === 'string' && value.trim() !== '';
}

function arrayOf(value: unknown, key: string, fail: (what: string) => Error): unknown[] {
	if (value === undefined) return [];
	if (!Array.isArray(value)) throw fail(`"${key}" must be a list`);
	return value;
}

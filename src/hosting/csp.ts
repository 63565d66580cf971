import { createHash } from 'node:crypto';
import { cspBaseDirectives } from './header-rules.ts';

export type CspDirectives = Record<string, string[]>;

/**
 * The longest Content-Security-Policy a CloudFront response headers policy accepts by default
 * (CloudFront quotas, "Maximum length of the value of the Content-Security-Policy header").
 */
export const cloudFrontCspLimit = 1783;

/** A CSP hash source for an inline script or style: what the browser computes over its text. */
export function hashSource(text: string): string {
	return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** What the build produced that the policy must allow. */
export interface CspInputs {
	inlineScripts: Iterable<string>;
	inlineStyles: Iterable<string>;
	/** Extra sources per directive, such as the origin of an embedded video (`frame-src`). */
	sources?: Record<string, Iterable<string>>;
}

/** The base directives plus hashes and sources from the build, each list sorted so builds compare. */
export function buildCspDirectives(inputs: CspInputs, base = cspBaseDirectives): CspDirectives {
	const directives: CspDirectives = Object.fromEntries(Object.entries(base).map(([name, list]) => [name, [...list]]));
	const add = (name: string, values: Iterable<string>) => {
		const added = [...new Set(values)].filter((value) => !(directives[name] ?? []).includes(value)).sort();
		if (added.length === 0) return;
		// A directive the base leaves out falls back to default-src: start from that, not from nothing.
		directives[name] = [...(directives[name] ?? directives['default-src'] ?? []), ...added];
	};
	add('script-src', [...inputs.inlineScripts].map(hashSource));
	add('style-src-elem', [...inputs.inlineStyles].map(hashSource));
	for (const [name, values] of Object.entries(inputs.sources ?? {})) add(name, values);
	return directives;
}

export function serializeCsp(directives: CspDirectives): string {
	return Object.entries(directives)
		.map(([name, values]) => [name, ...values].join(' '))
		.join('; ');
}

export function parseCsp(policy: string): CspDirectives {
	const directives: CspDirectives = {};
	for (const part of policy.split(';')) {
		const [name, ...values] = part.trim().split(/\s+/);
		// The first occurrence of a directive counts; browsers ignore repeats.
		if (name && !(name.toLowerCase() in directives)) directives[name.toLowerCase()] = values;
	}
	return directives;
}

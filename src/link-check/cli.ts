#!/usr/bin/env node
/**
 * `npm run check:links [-- options] [files, folders or globs]`: checks the external links of the lessons.
 * Exit 0: no broken link. 1: at least one broken link. 2: bad usage or unreadable input.
 * Unreachable and could-not-verify links are reported but do not fail the run: they say
 * nothing certain about the link.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkLinks, defaultCheckOptions, type CheckOptions } from './check-links.ts';
import { ConfigError, loadConfig } from './config.ts';
import { findExternalLinks, InputError } from './find-links.ts';
import { formatTable, githubAnnotations, markdownReport, summarize, toJsonReport } from './report.ts';

const usage = `Usage: npm run check:links -- [options] [file | folder | 'glob' ...]   (default: src/content/docs)

Paths are .md or .mdx lessons, folders of them, or quoted globs ('src/**/*.mdx'), relative to
the working directory or absolute. A path that names no lesson exits 2.

Options:
  --json FILE               write the report as JSON
  --markdown FILE           write the report as Markdown (as used for the weekly issue)
  --config FILE             settings: URLs to skip, hosts whose 403 means "could not verify"
                            (default: src/link-check/config.json)
  --timeout MS              time allowed for one request (default ${defaultCheckOptions.timeoutMs})
  --retries N               further tries after a network error or timeout (before or during the
                            page), 5xx, 408 or 429 (default ${defaultCheckOptions.retries})
  --base-delay MS           wait before the first retry, doubled each time (default ${defaultCheckOptions.baseDelayMs})
  --max-retry-after MS      longest Retry-After honoured (default ${defaultCheckOptions.maxRetryAfterMs})
  --max-redirects N         redirects and meta refreshes followed before giving up (default ${defaultCheckOptions.maxRedirects})
  --max-bytes N             bytes read from a page to find anchors (default ${defaultCheckOptions.maxBytes})
  --max-time MS             time bound of the whole run (default ${defaultCheckOptions.maxTimeMs})
  --concurrency N           requests at once (default ${defaultCheckOptions.concurrency})
  --per-host N              requests at once to one host (default ${defaultCheckOptions.perHostConcurrency})
  -h, --help                show this help`;

const numberFlags = {
	timeout: 'timeoutMs',
	retries: 'retries',
	'base-delay': 'baseDelayMs',
	'max-retry-after': 'maxRetryAfterMs',
	'max-redirects': 'maxRedirects',
	'max-bytes': 'maxBytes',
	'max-time': 'maxTimeMs',
	concurrency: 'concurrency',
	'per-host': 'perHostConcurrency',
} as const satisfies Record<string, keyof CheckOptions>;

class UsageError extends Error {}

function parse(argv: string[]) {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				json: { type: 'string' },
				markdown: { type: 'string' },
				config: { type: 'string' },
				help: { type: 'boolean', short: 'h' },
				...Object.fromEntries(Object.keys(numberFlags).map((name) => [name, { type: 'string' as const }])),
			},
		});
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	const values = parsed.values as Record<string, string | boolean | undefined>;
	const options: CheckOptions = { ...defaultCheckOptions };
	for (const [flag, key] of Object.entries(numberFlags)) {
		const value = values[flag];
		if (value === undefined) continue;
		const number = Number(value);
		const positive = ['concurrency', 'per-host', 'timeout', 'max-time', 'max-bytes'].includes(flag);
		if (typeof value !== 'string' || !Number.isInteger(number) || number < (positive ? 1 : 0)) {
			throw new UsageError(`--${flag} needs a whole number${positive ? ' above 0' : ''}, not "${value}"`);
		}
		options[key] = number;
	}
	return {
		help: values.help === true,
		json: values.json as string | undefined,
		markdown: values.markdown as string | undefined,
		config: (values.config as string | undefined) ?? join(import.meta.dirname, 'config.json'),
		paths: parsed.positionals.length > 0 ? parsed.positionals : ['src/content/docs'],
		options,
	};
}

export async function main(argv: string[]): Promise<number> {
	let args;
	try {
		args = parse(argv);
		if (args.help) {
			console.log(usage);
			return 0;
		}
		const config = loadConfig(args.config);
		const links = findExternalLinks(args.paths);
		const results = await checkLinks(links, config, args.options);

		console.log(formatTable(results));
		if (args.json) writeFileSync(args.json, `${JSON.stringify(toJsonReport(results), null, '\t')}\n`);
		if (args.markdown) writeFileSync(args.markdown, markdownReport(results));
		if (process.env.GITHUB_ACTIONS) {
			for (const line of githubAnnotations(results)) console.log(line);
			if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${markdownReport(results)}\n`);
		}
		return summarize(results).broken > 0 ? 1 : 0;
	} catch (error) {
		if (error instanceof UsageError) {
			console.error(`check:links: ${error.message}\n\n${usage}`);
			return 2;
		}
		if (error instanceof InputError || error instanceof ConfigError) {
			console.error(`check:links: ${error.message}`);
			return 2;
		}
		throw error;
	}
}

if (import.meta.main ?? process.argv[1] === import.meta.filename) {
	process.exitCode = await main(process.argv.slice(2));
}

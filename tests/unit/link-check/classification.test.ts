import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, type LinkResult } from '../../../src/link-check/check-links.ts';
import { categoryOfKind, categoryWords } from '../../../src/link-check/classification.ts';
import type { LinkCheckConfig } from '../../../src/link-check/config.ts';
import { toJsonReport } from '../../../src/link-check/report.ts';
import { closedPort } from '../../support/local-server.ts';
import { projectRoot } from '../../support/paths.ts';
import { fast, page, serveForTheseTests } from './local-check.ts';

const docFile = join(projectRoot, 'docs', 'link-checking.md');

/** The rows of the doc's table whose header starts with these columns, as plain text cells. */
function docTable(...columns: string[]): string[][] {
	const tree = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(docFile, 'utf8'));
	const tables: Table[] = [];
	visit(tree, 'table', (table: Table) => {
		tables.push(table);
	});
	const rows = tables
		.map((table) => table.children.map((row) => row.children.map((cell) => toString(cell))))
		.find(([header]) => columns.every((column, index) => header?.[index] === column));
	if (!rows) throw new Error(`${docFile} has no table with the columns ${columns.join(', ')}`);
	return rows.slice(1);
}

const longPage = page(`${'<p>filler</p>'.repeat(10_000)}<h2 id="far-down">End</h2>`);

function handler(req: IncomingMessage, res: ServerResponse) {
	const path = req.url ?? '/';
	const send = (status: number, headers: Record<string, string> = {}, body = page('<h2 id="here">Here</h2>')) => {
		res.writeHead(status, { 'content-type': 'text/html', ...headers });
		res.end(req.method === 'HEAD' || status === 304 ? undefined : body);
	};
	const chain = /^\/chain\/(\d+)$/.exec(path);
	if (chain) return send(302, { location: `/chain/${Number(chain[1]) + 1}` });
	switch (path) {
		case '/page':
			return send(200);
		case '/file.pdf':
			return send(200, { 'content-type': 'application/pdf' }, '%PDF-1.7\n');
		case '/long':
			return send(200, {}, longPage);
		case '/missing':
			return send(404);
		case '/gone':
			return send(410);
		case '/forbidden':
		case '/forbidden-listed':
			return send(403);
		case '/teapot':
			return send(418);
		case '/loop':
			return send(302, { location: '/loop' });
		case '/no-location':
			return send(302);
		case '/error':
			return send(500);
		case '/busy':
			return send(429);
		case '/not-modified':
			return send(304);
		case '/wall':
			return send(999);
		case '/silent':
			return; // never answers
		default:
			return send(404);
	}
}

const server = serveForTheseTests(handler);

/** One link per kind of answer: the path on the local server (or a whole URL) that produces it. */
const scenarios: Record<string, string> = {
	ok: '/page',
	'anchor-found': '/page#here',
	'fragment-not-checked': '/file.pdf#page=2',
	'not-found': '/missing',
	gone: '/gone',
	forbidden: '/forbidden',
	'client-error': '/teapot',
	'anchor-missing': '/page#nowhere',
	'redirect-loop': '/loop',
	'too-many-redirects': '/chain/1',
	'bad-redirect': '/no-location',
	'invalid-url': 'https://exa mple.org/',
	'network-error': 'closed port',
	timeout: '/silent',
	'server-error': '/error',
	'rate-limited': '/busy',
	'unexpected-status': '/not-modified',
	'time-limit': '/silent#in-a-run-cut-short',
	'bot-wall': '/wall',
	'forbidden-listed': '/forbidden-listed',
	'anchor-beyond-cap': '/long#far-down',
	skipped: '/skipped',
};

/** What the JSON report says for each scenario, from runs against the local server. */
let reported: Map<string, LinkResult>;

beforeAll(async () => {
	const urls = new Map<string, string>();
	for (const [kind, path] of Object.entries(scenarios)) {
		urls.set(kind, path === 'closed port' ? `http://127.0.0.1:${await closedPort()}/` : path.startsWith('/') ? `${server.url}${path}` : path);
	}
	const config: LinkCheckConfig = {
		skip: [{ url: urls.get('skipped')!, reason: 'a sample' }],
		unverifiableOn403: [{ url: urls.get('forbidden-listed')!, reason: 'turns robots away' }],
	};
	const linksOf = (kinds: string[]) => new Map(kinds.map((kind) => [urls.get(kind)!, [{ file: 'lesson.mdx', line: 1 }]]));
	const cutShort = ['time-limit'];
	const rest = Object.keys(scenarios).filter((kind) => !cutShort.includes(kind));
	const options = { ...fast, maxBytes: 16 * 1024, retries: 1, concurrency: 32, perHostConcurrency: 32 };
	const results = [
		...(await checkLinks(linksOf(rest), config, options)),
		// A run whose overall bound ends before the page's own timeout.
		...(await checkLinks(linksOf(cutShort), config, { ...options, timeoutMs: 5_000, maxTimeMs: 150 })),
	];
	const report = JSON.parse(JSON.stringify(toJsonReport(results))) as { links: LinkResult[] };
	reported = new Map([...urls].map(([kind, url]) => [kind, report.links.find((link) => link.url === url)!]));
});

describe('docs/link-checking.md and the checker agree', () => {
	const rows = docTable('answer', 'kind', 'category', 'why');

	it('lists every kind of answer the checker tells apart, once, with the category it gets', () => {
		const documented = Object.fromEntries(rows.map(([, kind, category]) => [kind, category]));
		expect(rows.map(([, kind]) => kind).sort()).toEqual(Object.keys(categoryOfKind).sort());
		expect(documented).toEqual(categoryOfKind);
		for (const [answer, kind, , why] of rows) {
			expect(answer, kind).not.toBe('');
			expect(why, kind).not.toBe('');
		}
	});

	it('names each category with the words the report prints', () => {
		const legend = docTable('category', 'shown as');
		expect(Object.fromEntries(legend.map(([category, shownAs]) => [category, shownAs]))).toEqual(categoryWords);
	});

	it.each(rows.map(([answer, kind, category]) => ({ answer: answer!, kind: kind!, category: category! })))(
		'$kind: the JSON report gives a link that gets this answer the kind and category of its row',
		({ kind, category }) => {
			expect(scenarios, `no local case produces ${kind}`).toHaveProperty([kind]);
			const link = reported.get(kind)!;
			expect({ kind: link.kind, category: link.category }, link.reason).toEqual({ kind, category });
			expect(link.ok).toBe(category === 'alive' || category === 'skipped');
		},
	);
});

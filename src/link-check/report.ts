import type { LinkResult } from './check-links.ts';
import { categoryWords, type Category } from './classification.ts';

/** Counts by category, and `checked`: the URLs actually requested (skipped ones are not). */
export function summarize(results: LinkResult[]) {
	const count = (category: Category) => results.filter((result) => result.category === category).length;
	return {
		checked: results.length - count('skipped'),
		alive: count('alive'),
		broken: count('broken'),
		unreachable: count('unreachable'),
		unverified: count('unverified'),
		skipped: count('skipped'),
	};
}

export function summaryLine(results: LinkResult[]): string {
	const s = summarize(results);
	return `${s.checked} URL(s) checked: ${s.alive} alive, ${s.broken} broken, ${s.unreachable} unreachable, ${s.unverified} could not verify, ${s.skipped} skipped`;
}

function where(result: LinkResult): string {
	return result.sources.map((source) => `${source.file}:${source.line}`).join(', ');
}

/** A plain-text table for the terminal: problems first, the same order otherwise. */
export function formatTable(results: LinkResult[]): string {
	const rows = sortByConcern(results).map((result) => [categoryWords[result.category], result.url, result.reason, where(result)]);
	const header = ['RESULT', 'URL', 'REASON', 'WHERE USED'];
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
	const line = (cells: string[]) =>
		cells
			.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
			.join('  ')
			.trimEnd();
	return [line(header), ...rows.map(line), '', summaryLine(results)].join('\n');
}

/** The `--json` report. */
export function toJsonReport(results: LinkResult[]) {
	return { ...summarize(results), links: results };
}

/** One `::error` per use of a broken link (a `::warning` for unreachable), for annotations in the Actions UI. */
export function githubAnnotations(results: LinkResult[]): string[] {
	const lines: string[] = [];
	for (const result of results) {
		const level = result.category === 'broken' ? 'error' : result.category === 'unreachable' ? 'warning' : undefined;
		if (!level) continue;
		const title = level === 'error' ? 'Broken link' : 'Unreachable link';
		for (const source of result.sources) {
			const properties = `file=${escapeProperty(source.file)},line=${source.line},title=${escapeProperty(title)}`;
			lines.push(`::${level} ${properties}::${escapeData(`${result.url}: ${result.reason}`)}`);
		}
	}
	return lines;
}

/** Markdown for the job summary and the weekly issue: counts, then every link that is not plainly alive. */
export function markdownReport(results: LinkResult[]): string {
	const s = summarize(results);
	const lines = [
		'## External links',
		'',
		`${s.checked} URL(s) checked: **${s.broken} broken**, ${s.unreachable} unreachable, ${s.unverified} could not verify, ${s.alive} alive, ${s.skipped} skipped.`,
		'',
	];
	const concerns = sortByConcern(results).filter((result) => result.category !== 'alive');
	if (concerns.length === 0) return [...lines, 'Every external link answered.', ''].join('\n');
	lines.push('| result | URL | reason | where used |', '|---|---|---|---|');
	for (const result of concerns) {
		const cells = [categoryWords[result.category], result.url, result.reason, where(result)].map(escapeCell);
		lines.push(`| ${cells.join(' | ')} |`);
	}
	lines.push(
		'',
		'*broken*: the page or the anchor is gone; fix or replace the link. *unreachable*: no usable answer this time (network, 5xx, rate limit). *could not verify*: a bot wall or a host known to refuse robots stood in the way, or the anchor lies past the byte cap; check it in a browser. Every kind of answer: docs/link-checking.md.',
		'',
	);
	return lines.join('\n');
}

const concern: Record<Category, number> = { broken: 0, unreachable: 1, unverified: 2, skipped: 3, alive: 4 };

function sortByConcern(results: LinkResult[]): LinkResult[] {
	return [...results].sort((a, b) => concern[a.category] - concern[b.category]);
}

// Escaping rules of workflow commands (@actions/core's toCommandValue/escapeProperty), kept here
// rather than adding the package for two functions.
function escapeData(value: string): string {
	return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
	return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function escapeCell(value: string): string {
	return value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

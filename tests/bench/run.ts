/**
 * `npm run bench`: figures for the README's Performance section, not a test (no pass or fail).
 * A cold build of the site, the lesson's first-load bytes by type (raw and gzip) and request
 * count, and a mobile Lighthouse run of the lesson against Debian's Chromium.
 *
 * Lighthouse is started with an asynchronous spawn: this process serves the site, and a blocking
 * spawnSync would stop it from answering, so the run would hang.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumInstalled, chromiumPath } from '../support/chromium.ts';
import { kb, measureFirstLoad } from '../support/first-load.ts';
import { projectRoot } from '../support/paths.ts';
import { runAstroBuild } from '../support/run-astro-build.ts';
import { startStaticServer } from '../support/static-server.ts';

const outputDir = join(projectRoot, 'tests', '.output', 'bench');
const siteDir = join(outputDir, 'site');
const lessonRoute = 'lessons/automate-deployment/';

async function coldBuild(): Promise<number> {
	// Cold: no output and none of Astro's or Vite's caches from an earlier build.
	for (const dir of [siteDir, join(projectRoot, 'node_modules', '.astro'), join(projectRoot, 'node_modules', '.vite')]) {
		rmSync(dir, { recursive: true, force: true });
	}
	const start = performance.now();
	const { code, output } = await runAstroBuild({ root: projectRoot, outDir: siteDir });
	const seconds = (performance.now() - start) / 1000;
	if (code !== 0 || !output.includes('Complete!')) throw new Error(`Build failed (exit ${code}):\n${output}`);
	return seconds;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, output }));
	});
}

/** Runs of Lighthouse; figures are the median of each, as Lighthouse's docs advise for noisy hosts. */
const lighthouseRuns = 3;

interface LighthouseFigures {
	scores: Record<string, number>;
	lcpMs: number;
	tbtMs: number;
	cls: number;
	/** Lighthouse's measure of the host's speed: lower means a slower or busier machine. */
	benchmarkIndex: number;
	failing: string[];
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

async function lighthouse(url: string, runNumber: number): Promise<LighthouseFigures> {
	const report = join(outputDir, `lighthouse-lesson-${runNumber}.json`);
	const cli = join(projectRoot, 'node_modules', 'lighthouse', 'cli', 'index.js');
	// Lighthouse 13 needs Node >= 22.19: run it with this process's Node, the project's pinned one.
	const { code, output } = await run(
		process.execPath,
		[
			cli,
			url,
			'--quiet',
			'--output=json',
			`--output-path=${report}`,
			'--only-categories=performance,accessibility,best-practices,seo',
			`--chrome-flags=${chromiumArgs.map((flag) => (flag === '--headless' ? '--headless=new' : flag)).join(' ')}`,
		],
		{ ...process.env, CHROME_PATH: chromiumPath },
	);
	if (code !== 0) throw new Error(`Lighthouse failed (exit ${code}):\n${output}`);
	const result = JSON.parse(readFileSync(report, 'utf8'));
	const scores = Object.fromEntries(
		Object.entries(result.categories as Record<string, { score: number }>).map(([id, c]) => [id, Math.round(c.score * 100)]),
	);
	const audit = (id: string) => Number(result.audits[id].numericValue);
	// Audits that cost points, so a score below 100 says why.
	const failing = Object.values(result.categories as Record<string, { auditRefs: { id: string; weight: number }[] }>)
		.flatMap((category) => category.auditRefs)
		.filter((ref) => ref.weight > 0 && result.audits[ref.id].score !== null && result.audits[ref.id].score < 1)
		.map((ref) => ref.id);
	return {
		scores,
		lcpMs: audit('largest-contentful-paint'),
		tbtMs: audit('total-blocking-time'),
		cls: audit('cumulative-layout-shift'),
		benchmarkIndex: Number(result.environment.benchmarkIndex),
		failing,
	};
}

async function main() {
	mkdirSync(outputDir, { recursive: true });
	console.log(`Benchmark of the lesson page, ${new Date().toISOString()}, Node ${process.version}\n`);

	const buildSeconds = await coldBuild();
	console.log(`Cold build: ${buildSeconds.toFixed(1)} s\n`);

	const firstLoad = measureFirstLoad(siteDir, lessonRoute);
	console.log('First load of the lesson (before any interaction; images not counted):');
	console.log('  type   requests   raw KB   gzip KB');
	for (const [type, figures] of Object.entries(firstLoad.byType)) {
		console.log(`  ${type.padEnd(6)} ${String(figures.count).padStart(8)} ${kb(figures.raw).padStart(8)} ${kb(figures.gzip).padStart(9)}`);
	}
	const { total } = firstLoad;
	console.log(`  ${'total'.padEnd(6)} ${String(total.count).padStart(8)} ${kb(total.raw).padStart(8)} ${kb(total.gzip).padStart(9)}\n`);

	if (!chromiumInstalled()) {
		console.log(`Lighthouse skipped: no Chromium at ${chromiumPath}.`);
		return;
	}
	const server = await startStaticServer(siteDir);
	const runs: LighthouseFigures[] = [];
	try {
		for (let i = 1; i <= lighthouseRuns; i++) runs.push(await lighthouse(server.url + lessonRoute, i));
	} finally {
		await server.close();
	}
	const of = (pick: (run: LighthouseFigures) => number) => median(runs.map(pick));
	console.log(`Lighthouse ${lighthouseRuns} runs, median (mobile profile, simulated throttling):`);
	console.log(
		`  performance ${of((r) => r.scores.performance!)}, accessibility ${of((r) => r.scores.accessibility!)}, ` +
			`best practices ${of((r) => r.scores['best-practices']!)}, SEO ${of((r) => r.scores.seo!)}`,
	);
	console.log(`  LCP ${(of((r) => r.lcpMs) / 1000).toFixed(2)} s, TBT ${Math.round(of((r) => r.tbtMs))} ms, CLS ${of((r) => r.cls).toFixed(3)}`);
	console.log(`  per run: performance ${runs.map((r) => r.scores.performance).join(', ')}; TBT ${runs.map((r) => Math.round(r.tbtMs)).join(', ')} ms`);
	console.log(`  audits below full marks: ${[...new Set(runs.flatMap((r) => r.failing))].join(', ') || 'none'}`);
	console.log(
		`  host: benchmarkIndex ${Math.round(of((r) => r.benchmarkIndex))}, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores` +
			' (a busy machine inflates TBT and lowers performance)',
	);
	console.log(`  reports: tests/.output/bench/lighthouse-lesson-*.json`);
}

await main();

/**
 * `npm run bench`: figures for docs/performance.md, not a test (no pass or fail).
 * A cold build of the site; the first-load bytes by type (raw and gzip) and request count of the
 * lesson and the home page; the image bytes of every lesson per screen, as Chromium receives them;
 * mobile Lighthouse medians of these pages against Debian's Chromium; and the
 * build-scaling table of build-scaling.ts (project against default Starlight at 1, 50, 200 lessons).
 * `npm run bench -- --help` lists the options.
 *
 * Lighthouse is started with an asynchronous spawn: this process serves the site, and a blocking
 * spawnSync would stop it from answering, so the run would hang.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumInstalled, chromiumPath } from '../support/chromium.ts';
import { firstLoadBudgetFor } from '../support/budgets.ts';
import { kb, measureFirstLoad } from '../support/first-load.ts';
import { imageBudgets, loadLessonImages, totalBytes } from '../support/lesson-images.ts';
import { lessonRoutes } from '../support/site-pages.ts';
import { projectRoot } from '../support/paths.ts';
import { runAstroBuild } from '../support/run-astro-build.ts';
import { runProcess } from '../support/run-process.ts';
import { startStaticServer } from '../support/static-server.ts';
import { benchBuildScaling, median, scalingOptions, scalingUsage, type ScalingOptions } from './build-scaling.ts';

const outputDir = join(projectRoot, 'tests', '.output', 'bench');
const siteDir = join(outputDir, 'site');
/** The pages measured: the lesson, the home page and the Review page. */
const pages = [
	{ label: 'lesson', name: 'lesson', route: 'lessons/automate-deployment/' },
	{ label: 'home page', name: 'home', route: '' },
	{ label: 'Review page', name: 'review', route: 'review/' },
];

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

/** Runs of Lighthouse; figures are the median of each, as Lighthouse's docs advise for noisy hosts. */
let lighthouseRuns = 3;

interface LighthouseFigures {
	scores: Record<string, number>;
	lcpMs: number;
	tbtMs: number;
	cls: number;
	/** Lighthouse's measure of the host's speed: lower means a slower or busier machine. */
	benchmarkIndex: number;
	failing: FailingAudit[];
}

interface FailingAudit {
	category: string;
	id: string;
	title: string;
	score: number;
	display: string;
}

async function lighthouse(url: string, name: string, runNumber: number): Promise<LighthouseFigures> {
	const report = join(outputDir, `lighthouse-${name}-${runNumber}.json`);
	const cli = join(projectRoot, 'node_modules', 'lighthouse', 'cli', 'index.js');
	// Lighthouse 13 needs Node >= 22.19: run it with this process's Node, the project's pinned one.
	const { code, output } = await runProcess(
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
		{ env: { ...process.env, CHROME_PATH: chromiumPath } },
	);
	if (code !== 0) throw new Error(`Lighthouse failed (exit ${code}):\n${output}`);
	const result = JSON.parse(readFileSync(report, 'utf8'));
	type Category = { title: string; score: number; auditRefs: { id: string; weight: number }[] };
	const categories = result.categories as Record<string, Category>;
	const scores = Object.fromEntries(Object.entries(categories).map(([id, c]) => [id, Math.round(c.score * 100)]));
	const audit = (id: string) => Number(result.audits[id].numericValue);
	// Audits that cost points in a category below 100, so a score below 100 says what to fix.
	const failing: FailingAudit[] = Object.values(categories)
		.filter((category) => category.score < 1)
		.flatMap((category) =>
			category.auditRefs
				.filter((ref) => ref.weight > 0 && result.audits[ref.id].score !== null && result.audits[ref.id].score < 1)
				.map((ref) => {
					const a = result.audits[ref.id];
					return { category: category.title, id: ref.id, title: a.title, score: Math.round(a.score * 100), display: a.displayValue ?? '' };
				}),
		);
	return {
		scores,
		lcpMs: audit('largest-contentful-paint'),
		tbtMs: audit('total-blocking-time'),
		cls: audit('cumulative-layout-shift'),
		benchmarkIndex: Number(result.environment.benchmarkIndex),
		failing,
	};
}

function printFirstLoad(label: string, route: string) {
	const firstLoad = measureFirstLoad(siteDir, route);
	console.log(`First load of the ${label} (/${route}), before any interaction, images not counted; gzip at zlib's default level:`);
	console.log('| type | requests | raw bytes | gzip bytes | raw KB | gzip KB |');
	console.log('|---|---:|---:|---:|---:|---:|');
	const row = (type: string, f: { count: number; raw: number; gzip: number }) =>
		console.log(`| ${type} | ${f.count} | ${f.raw} | ${f.gzip} | ${kb(f.raw)} | ${kb(f.gzip)} |`);
	for (const [type, figures] of Object.entries(firstLoad.byType)) row(type, figures);
	row('total', firstLoad.total);
	const budget = firstLoadBudgetFor(route);
	console.log(`(budget: at most ${budget} bytes gzip; ${firstLoad.total.gzip <= budget ? 'met' : `${firstLoad.total.gzip - budget} bytes over`})\n`);
}

/**
 * Image bytes of every lesson with all its images loaded (scrolled to the end), per screen: body
 * bytes as Chromium receives them, gzip where the server compresses (SVG). The last row is a
 * browser that ignores <source>: the PNG or JPEG fallbacks.
 */
async function printImageBytes(serverUrl: string) {
	const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
	const screens = [
		{ width: 375, deviceScaleFactor: 1 },
		{ width: 375, deviceScaleFactor: 2 },
		{ width: 1280, deviceScaleFactor: 1 },
		{ width: 1280, deviceScaleFactor: 2 },
		{ width: 375, deviceScaleFactor: 2, withoutSources: true },
	];
	try {
		for (const route of lessonRoutes(siteDir)) {
			console.log(`Images of /${route}, every image loaded, bytes over the wire as Chromium records them (body, gzip where sent so):`);
			console.log('| screen | images | bytes | KB | budget | types |');
			console.log('|---|---:|---:|---:|---:|---|');
			for (const screen of screens) {
				const images = await loadLessonImages(browser, { siteUrl: serverUrl, route, ...screen });
				const budget = screen.withoutSources ? undefined : imageBudgets.find((b) => b.width === screen.width && b.deviceScaleFactor === screen.deviceScaleFactor);
				const types = [...new Set(images.map((i) => i.contentType.split(';')[0]))].join(', ');
				const label = `${screen.width} px x${screen.deviceScaleFactor}${screen.withoutSources ? ', <img> only' : ''}`;
				console.log(`| ${label} | ${images.length} | ${totalBytes(images)} | ${kb(totalBytes(images))} | ${budget ? budget.maxBytes : ''} | ${types} |`);
			}
			console.log('');
		}
	} finally {
		await browser.close();
	}
}

async function lighthouseMedians(serverUrl: string, label: string, name: string, route: string) {
	const runs: LighthouseFigures[] = [];
	for (let i = 1; i <= lighthouseRuns; i++) runs.push(await lighthouse(serverUrl + route, name, i));
	const of = (pick: (run: LighthouseFigures) => number) => median(runs.map(pick));
	console.log(`Lighthouse on the ${label} (/${route}), median of ${lighthouseRuns} runs, mobile profile, simulated throttling:`);
	console.log('| performance | accessibility | best practices | SEO | LCP | TBT | CLS |');
	console.log('|---:|---:|---:|---:|---:|---:|---:|');
	console.log(
		`| ${of((r) => r.scores.performance!)} | ${of((r) => r.scores.accessibility!)} | ${of((r) => r.scores['best-practices']!)} | ` +
			`${of((r) => r.scores.seo!)} | ${(of((r) => r.lcpMs) / 1000).toFixed(2)} s | ${Math.round(of((r) => r.tbtMs))} ms | ${of((r) => r.cls).toFixed(3)} |`,
	);
	console.log(`  per run: performance ${runs.map((r) => r.scores.performance).join(', ')}; TBT ${runs.map((r) => Math.round(r.tbtMs)).join(', ')} ms`);
	// One line per audit: its score and value in each run where it lost points.
	const failing = new Map<string, FailingAudit[]>();
	for (const audit of runs.flatMap((r) => r.failing)) failing.set(audit.id, [...(failing.get(audit.id) ?? []), audit]);
	console.log(`  audits losing points (in any run) in categories below 100:${failing.size ? '' : ' none'}`);
	for (const [id, seen] of failing) {
		const first = seen[0]!;
		const per = seen.map((a) => `${a.score}${a.display ? ` at ${a.display}` : ''}`).join('; ');
		console.log(`    - ${first.category}: ${id} (${first.title}), in ${seen.length} of ${runs.length} runs, score ${per}`);
	}
	console.log(
		`  host: benchmarkIndex ${Math.round(of((r) => r.benchmarkIndex))}, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores` +
			' (a busy machine inflates TBT and lowers performance)',
	);
	console.log(`  reports: tests/.output/bench/lighthouse-${name}-*.json\n`);
}

const usage = `npm run bench [-- options]
  --no-lighthouse        skip the Lighthouse runs
  --no-scaling           skip the build-scaling table (npm run bench:build runs it alone)
  --lighthouse-runs=N    Lighthouse runs per page (default 3; 3 or more for a median)
the scaling table's options:
${scalingUsage}`;

async function main() {
	const args = process.argv.slice(2);
	if (args.includes('--help')) {
		console.log(usage);
		return;
	}
	const lighthouseRunsArg = args.find((a) => a.startsWith('--lighthouse-runs='));
	if (lighthouseRunsArg) {
		const runs = Number(lighthouseRunsArg.slice('--lighthouse-runs='.length));
		if (!Number.isInteger(runs) || runs < 1) {
			console.error(`--lighthouse-runs takes a whole number of at least 1 (3 or more for a median)\n\n${usage}`);
			process.exitCode = 2;
			return;
		}
		lighthouseRuns = runs;
	}
	let scaling: ScalingOptions;
	try {
		scaling = scalingOptions(args);
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${usage}`);
		process.exitCode = 2;
		return;
	}

	mkdirSync(outputDir, { recursive: true });
	console.log(`Benchmark, ${new Date().toISOString()}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores\n`);

	const buildSeconds = await coldBuild();
	console.log(`Cold build of the project: ${buildSeconds.toFixed(1)} s wall-clock (no .astro or .vite caches; Pagefind and sitemap included)\n`);

	for (const page of pages) printFirstLoad(page.label, page.route);

	if (!chromiumInstalled()) console.log(`Image bytes and Lighthouse skipped: no Chromium at ${chromiumPath}.\n`);
	else {
		const server = await startStaticServer(siteDir);
		try {
			await printImageBytes(server.url);
			if (args.includes('--no-lighthouse')) console.log('Lighthouse skipped (--no-lighthouse).\n');
			else for (const page of pages) await lighthouseMedians(server.url, page.label, page.name, page.route);
		} finally {
			await server.close();
		}
	}

	if (args.includes('--no-scaling')) console.log('Build scaling skipped (--no-scaling).');
	else await benchBuildScaling(scaling);
}

await main();

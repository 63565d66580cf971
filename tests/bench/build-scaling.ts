/**
 * Build cost as the course grows: builds a synthetic course of N copies of the lesson with this
 * project's configuration and with a default Starlight configuration, cold, and prints the
 * build time, the peak memory and their ratio for each N, and the cost of each added lesson.
 * Also builds the project with Astro's default Markdown engine (Sätteri) once, to show what the
 * unified (remark) route costs, and, with `--ablations`, the project without one of its parts at a
 * time, to show where the extra time goes.
 *
 * Run: npm run bench:build [-- 1 50 200] [--runs=3] [--ablations] [--memory] [--lesson=FILE]; `-- --help`
 * lists the options.
 * (--runs also sets the runs per ablation variant, at the largest size)
 * The courses are made in the system's temporary folder and removed afterwards.
 */
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { course } from '../../src/course.ts';
import { lessonSource, projectRoot } from '../support/paths.ts';

/**
 * - project: this repository's configuration and content, N copies of the lesson.
 * - starlight: `starlight({ title })` and nothing else (Sätteri engine), the same pages with the
 *   project's own syntax rewritten into what default Starlight understands (see toDefaultStarlight).
 * - project-satteri: the project's configuration with Astro's default Markdown engine; the project's
 *   remark and rehype plugins cannot run there.
 * - project-no-*: the project's configuration without one part, to see what that part costs.
 */
export type Variant =
	| 'project'
	| 'starlight'
	| 'project-satteri'
	| 'project-no-links-validator'
	| 'project-no-remark-plugins'
	| 'project-no-image-attributes';

export interface Measure {
	seconds: number;
	peakMiB: number;
	pages: number;
}

/** Reads the peak resident memory of a process from /proc while it runs (Linux only). */
function readPeakKiB(pid: number): number {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
	} catch {
		return 0;
	}
}

/**
 * GNU time, where installed: it reads the build's peak resident memory from the kernel when the
 * process ends (getrusage), which sampling /proc every 50 ms can miss by what the last moments add.
 */
const gnuTime = '/usr/bin/time';

/**
 * Wall-clock time of `astro build` from process start to exit: Node's start-up and Pagefind included.
 * Peak memory is the build process's own (Pagefind, a child of it, is not added).
 */
function timedBuild(root: string): Promise<Measure> {
	const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
	const useTime = existsSync(gnuTime);
	const timeFile = join(root, 'peak-rss.txt');
	const [command, args] = useTime
		? [gnuTime, ['-f', '%M', '-o', timeFile, process.execPath, astro, 'build']]
		: [process.execPath, [astro, 'build']];
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(command, args, {
			cwd: root,
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let peak = 0;
		let output = '';
		// VmHWM is the high-water mark, so sampling it often enough catches the peak (without GNU time).
		const sampler = setInterval(() => (peak = useTime ? 0 : Math.max(peak, readPeakKiB(child.pid!))), 50);
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('close', (code) => {
			clearInterval(sampler);
			const seconds = (performance.now() - started) / 1000;
			const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? 0);
			if (useTime && existsSync(timeFile)) peak = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1));
			// Astro on an unsupported Node exits 0 with nothing built: "Complete!" is the proof.
			if (code !== 0 || pages === 0 || !output.includes('Complete!')) reject(new Error(`build failed in ${root}:\n${output}`));
			else resolve({ seconds, peakMiB: peak / 1024, pages });
		});
	});
}

/** Pages every variant builds besides the lessons: the landing page and the 404 page. */
const pagesBesideLessons = 2;

/** Makes a course of `count` lessons in a fresh folder set up for one variant. */
function makeCourse(variant: Variant, count: number, lessonFile = lessonSource): string {
	const root = mkdtempSync(join(tmpdir(), `course-bench-${variant}-`));
	// Hard links: a node_modules of its own in well under a second, and no disk.
	execFileSync('cp', ['-al', join(projectRoot, 'node_modules'), join(root, 'node_modules')]);
	for (const cache of ['.astro', '.vite']) rmSync(join(root, 'node_modules', cache), { recursive: true, force: true });
	cpSync(join(projectRoot, 'public'), join(root, 'public'), { recursive: true });
	// The real manifest: Vite decides from its dependencies which packages to bundle for SSR.
	cpSync(join(projectRoot, 'package.json'), join(root, 'package.json'));

	let lesson = readFileSync(lessonFile, 'utf8');
	const docs = join(root, 'src/content/docs');
	if (variant === 'starlight') {
		writeFileSync(
			join(root, 'astro.config.mjs'),
			`import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ site: 'http://localhost:4321', integrations: [starlight({ title: 'Course' })] });\n`,
		);
		mkdirSync(join(docs, 'lessons'), { recursive: true });
		writeFileSync(
			join(root, 'src/content.config.ts'),
			`import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`,
		);
		// A landing page of its own (the project's is generated); no 404 page: Starlight renders its built-in one.
		writeFileSync(join(docs, 'index.mdx'), '---\ntitle: Course\ntemplate: splash\nhero:\n  tagline: An MLOps course module.\n---\n\nThe course\'s lessons are in the sidebar.\n');
		lesson = toDefaultStarlight(lesson);
	} else {
		for (const entry of ['astro.config.mjs', 'tsconfig.json', 'src']) {
			cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
		}
		rmSync(join(docs, 'lessons'), { recursive: true, force: true });
		mkdirSync(join(docs, 'lessons'), { recursive: true });
		if (variant === 'project-satteri') useSatteri(root);
		if (variant === 'project-no-links-validator') editConfig(root, /plugins: \[internalLinks\(\)\],/, 'plugins: [],');
		if (variant === 'project-no-image-attributes') editConfig(root, /\[rehypeImageAttributes, [^\]]*\],/, '');
		if (variant === 'project-no-remark-plugins') editConfig(root, /unified\(\{ remarkPlugins, rehypePlugins \}\)/, 'unified({ remarkPlugins: [], rehypePlugins })');
		// Without the project's remark plugins on the unified route nothing handles its directives:
		// the lesson is given the form default Starlight builds, as for the default variant. Under
		// Sätteri the lesson stays as written: Starlight's Sätteri handling turns the project's
		// container directives into plain <div>s around the same text, and the build succeeds.
		if (variant === 'project-no-remark-plugins') lesson = toDefaultStarlight(lesson);
	}
	for (let i = 1; i <= count; i++) {
		writeFileSync(join(docs, 'lessons', `${lessonSlug(i)}.mdx`), lesson);
	}
	return root;
}

function lessonSlug(i: number) {
	return `lesson-${String(i).padStart(3, '0')}`;
}

function editConfig(root: string, pattern: RegExp, replacement: string) {
	const file = join(root, 'astro.config.mjs');
	const config = readFileSync(file, 'utf8');
	if (!pattern.test(config)) throw new Error(`astro.config.mjs has changed: ${pattern} no longer matches; update build-scaling.ts`);
	writeFileSync(file, config.replace(pattern, replacement));
}

/**
 * The same lesson as a default Starlight site can build and render it, with the same text:
 * - the frontmatter keys of the project's schema (`summary`, `domain`) are dropped;
 * - the exam domain the project shows on top of every lesson becomes a `:::note` there, as the
 *   lesson's first version had it;
 * - `:::comparison-table[Caption]` becomes the caption as a paragraph and the bare GFM table of yes/no;
 * - `:::knowledge-check[Question]` becomes the question as a paragraph and its options as a plain
 *   list (the task-list checkboxes, which mark the right answers, are removed), explanations kept.
 * Anything else is left as written.
 */
export function toDefaultStarlight(mdx: string): string {
	const out: string[] = [];
	const open: string[] = [];
	let inProjectKey = false;
	let frontmatterFences = 0;
	for (const line of mdx.split('\n')) {
		if (frontmatterFences < 2) {
			if (line === '---') frontmatterFences++;
			if (/^(domain|summary):/.test(line)) {
				inProjectKey = true;
				continue;
			}
			if (inProjectKey && /^\s+\S/.test(line)) continue;
			inProjectKey = false;
			out.push(line);
			if (frontmatterFences === 2) out.push(`:::note\n**Domain ${course.domain.number}: ${course.domain.title}**\n:::`);
			continue;
		}
		const start = /^:::([\w-]+)(?:\[(.*?)\])?(?:\{(.*)\})?\s*$/.exec(line);
		if (start) {
			const [, name, label = ''] = start;
			open.push(name!);
			if (name === 'comparison-table' || name === 'knowledge-check') {
				out.push(`**${label}**`, '');
			} else {
				out.push(line);
			}
			continue;
		}
		if (/^:::\s*$/.test(line) && open.length) {
			const name = open.pop();
			if (name !== 'comparison-table' && name !== 'knowledge-check') out.push(line);
			continue;
		}
		if (open.at(-1) === 'knowledge-check') {
			out.push(line.replace(/^(\s*)- \[[ xX]\] /, '$1- '));
			continue;
		}
		out.push(line);
	}
	return out.join('\n');
}

/** Swaps the project's unified processor for Sätteri, dropping the project's remark/rehype plugins. */
function useSatteri(root: string) {
	const configFile = join(root, 'astro.config.mjs');
	cpSync(configFile, join(root, 'project.config.mjs'));
	writeFileSync(
		configFile,
		`import { satteri } from '@astrojs/markdown-satteri';\nimport config from './project.config.mjs';\nexport default { ...config, markdown: { ...config.markdown, processor: satteri() } };\n`,
	);
}

/** The lesson the synthetic courses copy: the project's, or another given with --lesson. */
let benchLesson = lessonSource;

async function measureOnce(variant: Variant, count: number): Promise<Measure> {
	const root = makeCourse(variant, count, benchLesson);
	try {
		const result = await timedBuild(root);
		if (result.pages !== count + pagesBesideLessons) {
			throw new Error(`${variant} with ${count} lessons built ${result.pages} pages, expected ${count + pagesBesideLessons}`);
		}
		return result;
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

/** The middle value; the mean of the two middle ones for an even count. */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Summary extends Measure {
	runs: number[];
}

/** Median of `runs` cold builds; the variants alternate run by run so that a load spike hits both. */
async function measurePair(variants: Variant[], count: number, runs: number): Promise<Record<string, Summary>> {
	const all: Record<string, Measure[]> = Object.fromEntries(variants.map((v) => [v, []]));
	for (let run = 0; run < runs; run++) {
		for (const variant of variants) all[variant]!.push(await measureOnce(variant, count));
	}
	return Object.fromEntries(
		variants.map((v) => {
			const measures = all[v]!;
			return [
				v,
				{
					seconds: median(measures.map((m) => m.seconds)),
					peakMiB: median(measures.map((m) => m.peakMiB)),
					pages: measures[0]!.pages,
					runs: measures.map((m) => m.seconds),
				},
			];
		}),
	);
}

const load = () => `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`;

export interface ScalingOptions {
	sizes: number[];
	/** Runs per variant for sizes up to `manyRunsUpTo`; larger sizes are built once. */
	runs: number;
	manyRunsUpTo: number;
	ablations: boolean;
	/** Only this project's build, `runs` times at every size: peak memory and what each lesson adds. */
	memory?: boolean;
	/** Another lesson file to copy N times (an earlier version of the lesson, say). */
	lesson?: string;
}

export async function benchBuildScaling(options: ScalingOptions) {
	if (options.lesson) benchLesson = options.lesson;
	if (options.memory) return benchMemory(options);
	const { sizes, runs, manyRunsUpTo, ablations } = options;
	console.log(`\nBuild cost as the course grows: cold builds (wall-clock, Pagefind and sitemap included), ${new Date().toISOString()}`);
	console.log(`Median of ${runs} runs for up to ${manyRunsUpTo} lessons, one run above; ${load()} at the start.`);
	console.log('Pages = lessons + landing page + 404. "default" is starlight({ title }) on the same pages (Sätteri engine).\n');
	console.log('| lessons | pages | project s | default Starlight s | ratio | project peak MiB | default peak MiB | memory ratio | runs project / default s |');
	console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---|');
	const results = new Map<number, Record<string, Summary>>();
	for (const count of sizes) {
		const pair = await measurePair(['project', 'starlight'], count, count <= manyRunsUpTo ? runs : 1);
		results.set(count, pair);
		const p = pair.project!;
		const s = pair.starlight!;
		const list = (m: Summary) => m.runs.map((r) => r.toFixed(1)).join(', ');
		console.log(
			`| ${count} | ${p.pages} | ${p.seconds.toFixed(1)} | ${s.seconds.toFixed(1)} | ${(p.seconds / s.seconds).toFixed(2)} | ` +
				`${p.peakMiB.toFixed(0)} | ${s.peakMiB.toFixed(0)} | ${(p.peakMiB / s.peakMiB).toFixed(2)} | ${list(p)} / ${list(s)} |`,
		);
	}
	console.log(`(${load()} at the end of the table)`);

	// Growth: time per added lesson between consecutive sizes. Linear growth keeps it about constant.
	if (sizes.length > 1) {
		console.log('\nTime per added lesson between sizes (constant = linear growth):');
		console.log('| from → to | project ms/lesson | default ms/lesson | project MiB/lesson | default MiB/lesson |');
		console.log('|---|---:|---:|---:|---:|');
		for (let i = 1; i < sizes.length; i++) {
			const [a, b] = [sizes[i - 1]!, sizes[i]!];
			const [ra, rb] = [results.get(a)!, results.get(b)!];
			const per = (v: string, key: 'seconds' | 'peakMiB', scale: number) =>
				(((rb[v]![key] - ra[v]![key]) * scale) / (b - a)).toFixed(key === 'seconds' ? 0 : 2);
			console.log(`| ${a} → ${b} | ${per('project', 'seconds', 1000)} | ${per('starlight', 'seconds', 1000)} | ${per('project', 'peakMiB', 1)} | ${per('starlight', 'peakMiB', 1)} |`);
		}
	}

	const engineCount = sizes.at(-1) ?? 50;
	const engines = await measurePair(['project', 'project-satteri'], engineCount, 1);
	console.log(
		`\nMarkdown engine, project configuration, ${engineCount} lessons, one run each: ` +
			`unified (remark, the project's route) ${engines.project!.seconds.toFixed(1)} s / ${engines.project!.peakMiB.toFixed(0)} MiB, ` +
			`Sätteri (Astro's default; the project's remark and rehype plugins do not run) ` +
			`${engines['project-satteri']!.seconds.toFixed(1)} s / ${engines['project-satteri']!.peakMiB.toFixed(0)} MiB: ` +
			`unified costs ${(engines.project!.seconds / engines['project-satteri']!.seconds).toFixed(2)}× the time.`,
	);

	if (ablations) {
		const parts: Variant[] = ['project', 'project-no-links-validator', 'project-no-remark-plugins', 'project-no-image-attributes'];
		// Single runs of these differ by seconds on a shared machine: medians of `runs`, interleaved.
		const measured = await measurePair(parts, engineCount, runs);
		console.log(`\nWhere the project's time goes, ${engineCount} lessons, median of ${runs} runs each (${load()}):`);
		console.log('| variant | s | peak MiB | saved against the project s | runs s |');
		console.log('|---|---:|---:|---:|---|');
		for (const v of parts) {
			const m = measured[v]!;
			const list = m.runs.map((r) => r.toFixed(1)).join(', ');
			console.log(`| ${v} | ${m.seconds.toFixed(1)} | ${m.peakMiB.toFixed(0)} | ${(measured.project!.seconds - m.seconds).toFixed(1)} | ${list} |`);
		}
	}
}

/**
 * Peak memory of this project's build at each size, every run listed: single builds differ by tens
 * of MiB from run to run (V8 sizes its heap by what it sees), so a change in MiB per lesson is
 * blamed on code only once it is larger than that spread.
 */
async function benchMemory({ sizes, runs }: ScalingOptions) {
	console.log(`\nBuild memory as the course grows: peak resident memory of \`astro build\` (${existsSync(gnuTime) ? 'GNU time, %M' : '/proc VmHWM sampled'}), ${new Date().toISOString()}`);
	console.log(`Lesson copied: ${benchLesson}; ${runs} runs per size; ${load()} at the start.\n`);
	console.log('| lessons | peak MiB (median) | runs MiB | spread MiB | MiB per lesson from the first size | s (median) |');
	console.log('|---:|---:|---|---:|---:|---:|');
	const medians: number[] = [];
	for (const count of sizes) {
		const measures: Measure[] = [];
		for (let run = 0; run < runs; run++) measures.push(await measureOnce('project', count));
		const peaks = measures.map((m) => m.peakMiB);
		const peak = median(peaks);
		medians.push(peak);
		const perLesson = count === sizes[0] ? '' : ((peak - medians[0]!) / (count - sizes[0]!)).toFixed(2);
		console.log(
			`| ${count} | ${peak.toFixed(0)} | ${peaks.map((p) => p.toFixed(0)).join(', ')} | ${(Math.max(...peaks) - Math.min(...peaks)).toFixed(0)} | ${perLesson} | ${median(measures.map((m) => m.seconds)).toFixed(1)} |`,
		);
	}
	console.log(`(${load()} at the end)`);
}

/** The options `npm run bench:build` takes; `npm run bench` takes them too, for its scaling table. */
export const scalingUsage = `  --runs=N      cold builds per variant for courses up to 50 lessons and per ablation (default 3)
  --ablations   also time the project (largest size) without the link validator, its remark plugins, its image plugin
  --memory      only this project's build, --runs times at every size: peak memory per lesson and its spread
  --lesson=FILE copy this lesson file instead of the project's (an earlier version, to compare)
  1 50 200      course sizes (default 1 50 200)`;

const isScalingArg = (arg: string) =>
	/^\d+$/.test(arg) || arg.startsWith('--runs=') || arg.startsWith('--lesson=') || arg === '--ablations' || arg === '--memory';

/**
 * Reads `npm run bench:build` arguments: sizes as bare numbers, `--runs=N`, `--ablations`. Other
 * arguments are left to the caller; a `--runs` that is not a whole number of at least 1 throws.
 */
export function scalingOptions(args: string[]): ScalingOptions {
	const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number).filter((n) => n > 0);
	const runsArg = args.find((a) => a.startsWith('--runs='));
	const runs = runsArg === undefined ? 3 : Number(runsArg.slice('--runs='.length));
	if (!Number.isInteger(runs) || runs < 1) throw new Error(`${runsArg} is not a number of runs: give a whole number of at least 1 (3 or more for a median).`);
	const lesson = args.find((a) => a.startsWith('--lesson='))?.slice('--lesson='.length);
	return {
		sizes: sizes.length ? sizes : [1, 50, 200],
		runs,
		manyRunsUpTo: 50,
		ablations: args.includes('--ablations'),
		...(args.includes('--memory') ? { memory: true } : {}),
		...(lesson ? { lesson } : {}),
	};
}

/** The options of the command line, or nothing after saying what is wrong with them (exit code 2). */
function commandLineOptions(args: string[], usage: string): ScalingOptions | undefined {
	try {
		const unknown = args.filter((arg) => !isScalingArg(arg));
		if (unknown.length > 0) throw new Error(`Unknown option ${unknown.join(' ')}.`);
		return scalingOptions(args);
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${usage}`);
		process.exitCode = 2;
		return undefined;
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const usage = `npm run bench:build [-- options]\n${scalingUsage}`;
	const args = process.argv.slice(2);
	if (args.includes('--help')) {
		console.log(usage);
	} else {
		const options = commandLineOptions(args, usage);
		if (options) await benchBuildScaling(options);
	}
}

/**
 * Build cost as the course grows: builds a synthetic course of N copies of the lesson with this
 * project's configuration and with a default Starlight configuration, cold, and prints the
 * build time, the peak memory and their ratio for each N. Also builds the project with Astro's
 * default Markdown engine (Sätteri) once, to show what the remark route costs.
 *
 * Run: npm run bench:build [-- 1 50 200]
 * The courses are made in the system's temporary folder and removed afterwards.
 */
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const lessonFile = join(projectRoot, 'src/content/docs/lessons/automate-deployment.mdx');

type Variant = 'project' | 'starlight' | 'project-satteri';

interface Measure {
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

function timedBuild(root: string): Promise<Measure> {
	const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, [astro, 'build'], {
			cwd: root,
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let peak = 0;
		let output = '';
		// VmHWM is the high-water mark, so sampling it often enough catches the peak.
		const sampler = setInterval(() => (peak = Math.max(peak, readPeakKiB(child.pid!))), 50);
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('close', (code) => {
			clearInterval(sampler);
			const seconds = (performance.now() - started) / 1000;
			const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? 0);
			if (code !== 0 || pages === 0) reject(new Error(`build failed in ${root}:\n${output}`));
			else resolve({ seconds, peakMiB: peak / 1024, pages });
		});
	});
}

/** Makes a course of `count` lessons in a fresh folder set up for one variant. */
function makeCourse(variant: Variant, count: number): string {
	const root = mkdtempSync(join(tmpdir(), `course-bench-${variant}-`));
	// Hard links: a node_modules of its own in well under a second, and no disk.
	execFileSync('cp', ['-al', join(projectRoot, 'node_modules'), join(root, 'node_modules')]);
	for (const cache of ['.astro', '.vite']) rmSync(join(root, 'node_modules', cache), { recursive: true, force: true });
	cpSync(join(projectRoot, 'public'), join(root, 'public'), { recursive: true });
	// The real manifest: Vite decides from its dependencies which packages to bundle for SSR.
	cpSync(join(projectRoot, 'package.json'), join(root, 'package.json'));

	let lesson = readFileSync(lessonFile, 'utf8');
	if (variant === 'starlight') {
		writeFileSync(
			join(root, 'astro.config.mjs'),
			`import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ site: 'http://localhost:4321', integrations: [starlight({ title: 'Course' })] });\n`,
		);
		mkdirSync(join(root, 'src/content/docs/lessons'), { recursive: true });
		writeFileSync(
			join(root, 'src/content.config.ts'),
			`import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`,
		);
		lesson = toDefaultStarlight(lesson);
	} else {
		for (const entry of ['astro.config.mjs', 'tsconfig.json', 'src']) {
			cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
		}
		rmSync(join(root, 'src/content/docs/lessons'), { recursive: true, force: true });
		mkdirSync(join(root, 'src/content/docs/lessons'), { recursive: true });
		if (variant === 'project-satteri') useSatteri(root);
	}
	for (let i = 1; i <= count; i++) {
		const slug = `lesson-${String(i).padStart(3, '0')}`;
		writeFileSync(join(root, 'src/content/docs/lessons', `${slug}.mdx`), lesson);
	}
	// The landing page links to the lesson's sections; it points at the first copy here.
	retargetLandingPage(root);
	return root;
}

/** The same lesson as a default Starlight site can build it: the project's own syntax removed. */
function toDefaultStarlight(mdx: string): string {
	return mdx;
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

function retargetLandingPage(root: string) {
	const docs = join(root, 'src/content/docs');
	for (const name of readdirSync(docs)) {
		if (!/\.mdx?$/.test(name)) continue;
		const file = join(docs, name);
		writeFileSync(file, readFileSync(file, 'utf8').replaceAll('lessons/automate-deployment/', 'lessons/lesson-001/'));
	}
}

async function measure(variant: Variant, count: number): Promise<Measure> {
	const root = makeCourse(variant, count);
	try {
		return await timedBuild(root);
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

export async function benchBuildScaling(sizes: number[]) {
	const rows: string[] = [];
	console.log('\nBuild cost as the course grows (cold builds, one run each)');
	console.log('| lessons | project s | default Starlight s | ratio | project peak MiB | default peak MiB | ms per lesson (project) |');
	console.log('|---:|---:|---:|---:|---:|---:|---:|');
	for (const count of sizes) {
		const project = await measure('project', count);
		const starlight = await measure('starlight', count);
		const row = `| ${count} | ${project.seconds.toFixed(1)} | ${starlight.seconds.toFixed(1)} | ${(project.seconds / starlight.seconds).toFixed(2)} | ${project.peakMiB.toFixed(0)} | ${starlight.peakMiB.toFixed(0)} | ${((project.seconds * 1000) / count).toFixed(0)} |`;
		console.log(row);
		rows.push(row);
	}
	const engineCount = sizes.at(-1) ?? 50;
	const unifiedRun = await measure('project', engineCount);
	const satteriRun = await measure('project-satteri', engineCount);
	console.log(`\nMarkdown engine, ${engineCount} lessons: unified (remark, the project's route) ${unifiedRun.seconds.toFixed(1)} s, ` +
		`Sätteri (Astro's default, without the project's remark plugins) ${satteriRun.seconds.toFixed(1)} s, ` +
		`ratio ${(unifiedRun.seconds / satteriRun.seconds).toFixed(2)}`);
	return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
	await benchBuildScaling(sizes.length ? sizes : [1, 50, 200]);
}

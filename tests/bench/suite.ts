/**
 * How the test suite grows with the course: runs `npm test` in a copy of the project as it is and
 * in a copy whose lessons are each repeated to make ten (distinct files, titles and places in the
 * sidebar), and prints both times and what each added lesson costs. Goal: ten lessons take at most
 * 1.3 times one (docs/performance.md, "Test suite").
 *
 * Run: npm run bench:suite [-- --lessons=10]. The copies are made under the system's temporary
 * folder, with node_modules as hard links (a symlink breaks Astro's build, see fixture-site.ts), and
 * removed afterwards. Both runs start without the caches of Vitest, Vite and Astro.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { course } from '../../src/course.ts';
import { projectRoot } from '../support/paths.ts';
import { runProcess } from '../support/run-process.ts';

/** What is not copied: installed packages (hard-linked instead), history, and what builds and runs leave. */
const skipped = new Set(['node_modules', '.git', 'dist', '.astro']);

function copyProject(): string {
	const root = mkdtempSync(join(tmpdir(), 'course-suite-'));
	for (const entry of readdirSync(projectRoot)) {
		if (skipped.has(entry)) continue;
		cpSync(join(projectRoot, entry), join(root, entry), { recursive: true, filter: (source) => !source.includes(join('tests', '.output')) });
	}
	execFileSync('cp', ['-al', join(projectRoot, 'node_modules'), join(root, 'node_modules')]);
	for (const cache of ['.astro', '.vite', '.cache']) rmSync(join(root, 'node_modules', cache), { recursive: true, force: true });
	return root;
}

/**
 * Adds copies of the course's lessons until it has `total`: each copy gets its own file name, title
 * and sidebar place, and a `slug:` of its own when the original has one, so no two share an address.
 */
export function addLessonCopies(root: string, total: number): number {
	const dir = join(root, 'src/content/docs', course.lessonsDirectory);
	const originals = readdirSync(dir).filter((name) => /\.mdx?$/.test(name));
	let count = originals.length;
	for (let copy = 2; count < total; copy++) {
		for (const name of originals) {
			if (count >= total) break;
			const source = readFileSync(join(dir, name), 'utf8');
			const text = source
				.replace(/^title: (.*)$/m, (_, title: string) => `title: ${title.replace(/^['"]|['"]$/g, '')} (copy ${copy})`)
				.replace(/^slug: (.*)$/m, (_, slug: string) => `slug: ${slug.replace(/\/?$/, '')}-copy-${copy}`)
				.replace(/^( +order: )(\d+)$/m, (_, key: string, order: string) => `${key}${Number(order) + copy * 100}`);
			writeFileSync(join(dir, name.replace(/(\.mdx?)$/, `-copy-${copy}$1`)), text);
			count++;
		}
	}
	return count;
}

async function timedTest(root: string): Promise<{ seconds: number; summary: string }> {
	const started = performance.now();
	const result = await runProcess('npm', ['test'], { cwd: root, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
	const seconds = (performance.now() - started) / 1000;
	const summary = result.output.split('\n').filter((line) => /^\s*(Test Files|Tests)\s/.test(line)).join('; ').replace(/\s+/g, ' ').trim();
	if (result.code !== 0) throw new Error(`npm test failed in ${root} (kept for a look):\n${result.output.slice(-6000)}`);
	return { seconds, summary };
}

const load = () => `load average ${loadavg().map((value) => value.toFixed(1)).join(' ')} on ${cpus().length} cores`;

if (import.meta.url === `file://${process.argv[1]}`) {
	const total = Number(process.argv.find((arg) => arg.startsWith('--lessons='))?.slice('--lessons='.length) ?? 10);
	console.log(`\nnpm test as the course grows, ${new Date().toISOString()}, ${load()} at the start`);
	const asIs = copyProject();
	const lessons = readdirSync(join(asIs, 'src/content/docs', course.lessonsDirectory)).filter((name) => /\.mdx?$/.test(name)).length;
	const grown = copyProject();
	addLessonCopies(grown, total);
	const first = await timedTest(asIs);
	rmSync(asIs, { recursive: true, force: true });
	console.log(`- ${lessons} lesson(s): ${first.seconds.toFixed(1)} s (${first.summary})`);
	const second = await timedTest(grown);
	rmSync(grown, { recursive: true, force: true });
	console.log(`- ${total} lessons: ${second.seconds.toFixed(1)} s (${second.summary})`);
	const perLesson = (second.seconds - first.seconds) / (total - lessons);
	console.log(
		`${total} lessons take ${(second.seconds / first.seconds).toFixed(2)}x the time of ${lessons} (goal: at most 1.3x); ` +
			`each added lesson costs ${perLesson.toFixed(1)} s. ${load()} at the end.`,
	);
}

/**
 * `npm run package:lms`: builds the site once, under a marker base path, and writes two LMS
 * packages from that build, printing each zip's path on its own line:
 * - SCORM 1.2 (imsmanifest.xml at the root), for every LMS;
 * - cmi5 (cmi5.xml at the root), for LMSs that support it.
 * Both hold every page of the module with relative addresses, and one launch page that holds the
 * LMS session (src/lms/runtime/). The website's own build is untouched: none of this is in it.
 * See docs/lms.md. `npm run package:lms -- <folder>` writes them elsewhere than lms-packages/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { course } from '../course.ts';
import type { CourseMap } from './course-map.ts';
import { launchHtml } from './launch-html.ts';
import { cmi5Manifest, launchPagePath, scormManifest } from './manifests.ts';
import { markerBase, packagePage, packageScript, packageStylesheet } from './relative-urls.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Where the zips are written unless told otherwise. */
export const defaultOutDir = join(root, 'lms-packages');
const site = 'https://lms.invalid';

/**
 * Files of the website that have no place in a package: host settings, the site map, a service
 * worker, and the Review page, whose schedules the LMS cannot keep (SCORM 1.2's suspend data holds
 * 4,096 characters; docs/lms.md).
 */
export const leftOut = (path: string) =>
	/^(_headers|_redirects|robots\.txt|sw\.js|workbox-[^/]*\.js|sitemap[^/]*\.xml|review\/index\.html)$/.test(path) || path.endsWith('.map');

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
		.sort();
}

/** Lessons, their pages and checks, as the overview page lists them. */
export function readCourseMap(overviewHtml: string): CourseMap {
	const lessons = selectAll('.lesson-card[data-lesson]', fromHtml(overviewHtml)).map((card) => {
		const id = String(card.properties.dataLesson);
		return { id, page: `${id}/index.html`, checks: String(card.properties.dataChecks ?? '').split(' ').filter(Boolean) };
	});
	if (lessons.length === 0) throw new Error('index.html: the course overview lists no lessons (.lesson-card[data-lesson])');
	return { identifier: course.lms.identifier, title: course.title, passMark: course.lms.passMark, lessons };
}

/** The launch page's script and the pages' bridge, bundled for browsers. */
async function runtimeScripts(): Promise<Record<string, string>> {
	const entries = { 'lms/scorm.js': 'scorm.ts', 'lms/cmi5.js': 'cmi5.ts', 'lms/page.js': 'page-bridge.ts' };
	const out: Record<string, string> = {};
	for (const [path, entry] of Object.entries(entries)) {
		const result = await build({
			entryPoints: [fileURLToPath(new URL(`./runtime/${entry}`, import.meta.url))],
			bundle: true,
			minify: true,
			format: 'iife',
			target: 'es2022',
			write: false,
			legalComments: 'none',
			logLevel: 'error',
			// progress-store names its storage key after the site's base path, which Vite gives the
			// website's scripts; the launch page keeps progress in the LMS, under no key of its own.
			define: { 'import.meta.env.BASE_URL': '"/"' },
		});
		out[path] = result.outputFiles[0]!.text;
	}
	return out;
}

/** Builds the site and writes both packages into `outDir`; their paths. */
export async function packageLms(outDir = defaultOutDir): Promise<{ scorm: string; cmi5: string }> {
	const buildDir = mkdtempSync(join(tmpdir(), 'lms-build-'));
	try {
		const astro = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', buildDir], {
			cwd: root,
			env: { ...process.env, BASE_PATH: markerBase, SITE: site },
			// The build's log goes to stderr: stdout is the two paths, for scripts.
			stdio: ['ignore', 2, 2],
		});
		if (astro.status !== 0) throw new Error(`astro build failed (exit ${astro.status})`);

		const files = new Map<string, Uint8Array | string>();
		const bridge = 'lms/page.js';
		for (const path of filesUnder(buildDir).filter((file) => !leftOut(file))) {
			const bytes = readFileSync(join(buildDir, path));
			if (path.endsWith('.html')) files.set(path, packagePage(bytes.toString('utf8'), { path, site, headScripts: [bridge] }));
			else if (path.endsWith('.css')) files.set(path, packageStylesheet(bytes.toString('utf8'), path));
			else if (path.endsWith('.js') || path.endsWith('.mjs')) files.set(path, packageScript(bytes.toString('utf8'), path));
			else files.set(path, bytes);
		}
		const map = readCourseMap(readFileSync(join(buildDir, 'index.html'), 'utf8'));
		const scripts = await runtimeScripts();
		files.set(bridge, scripts[bridge]!);

		const common = [...files.keys()];
		const scorm = new Map(files);
		scorm.set('lms/scorm.js', scripts['lms/scorm.js']!);
		scorm.set(launchPagePath, launchHtml(map, 'scorm.js'));
		scorm.set('imsmanifest.xml', scormManifest(map, [...common, 'lms/scorm.js', launchPagePath]));
		const cmi5 = new Map(files);
		cmi5.set('lms/cmi5.js', scripts['lms/cmi5.js']!);
		cmi5.set(launchPagePath, launchHtml(map, 'cmi5.js'));
		cmi5.set('cmi5.xml', cmi5Manifest(map, course.description));

		mkdirSync(outDir, { recursive: true });
		const written = { scorm: join(outDir, `${map.identifier}-scorm12.zip`), cmi5: join(outDir, `${map.identifier}-cmi5.zip`) };
		writeFileSync(written.scorm, zip(scorm));
		writeFileSync(written.cmi5, zip(cmi5));
		return written;
	} finally {
		rmSync(buildDir, { recursive: true, force: true });
	}
}

/** A zip with fixed dates, so that the same build gives the same bytes. */
function zip(files: Map<string, Uint8Array | string>): Uint8Array {
	const mtime = new Date('2000-01-01T00:00:00Z');
	const entries = Object.fromEntries(
		[...files].map(([path, content]) => [path, [typeof content === 'string' ? new TextEncoder().encode(content) : content, { mtime, level: path.endsWith('.avif') || path.endsWith('.webp') || path.endsWith('.pf_fragment') ? 0 : 9 }]] as const),
	);
	return zipSync(entries as Parameters<typeof zipSync>[0]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	// An output folder may be given: `npm run package:lms -- <folder>`.
	const written = await packageLms(process.argv[2]);
	console.log(written.scorm);
	console.log(written.cmi5);
}

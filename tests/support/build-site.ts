import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLogFile, builtSiteDir, projectRoot } from './paths.ts';
import { runAstroBuild } from './run-astro-build.ts';

/** Vitest global setup: build the site once for every test that reads the built HTML. */
export default async function buildSite() {
	const { code, output } = await runAstroBuild({ root: projectRoot, outDir: builtSiteDir });
	mkdirSync(join(buildLogFile, '..'), { recursive: true });
	writeFileSync(buildLogFile, output);
	// Astro on an unsupported Node prints an error and still exits 0: check that pages exist too.
	if (code !== 0 || !existsSync(join(builtSiteDir, 'index.html'))) {
		throw new Error(`The site did not build (exit ${code}):\n${output}`);
	}
}

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { courseFixture, courseFixtureFiles } from './course-fixture.ts';
import { buildFixtureSite } from './fixture-site.ts';
import { buildLogFile, builtSiteDir, projectRoot, testRepositoryUrl } from './paths.ts';
import { runAstroBuild } from './run-astro-build.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The fixture course's build folder, and what its build printed. */
		courseFixtureDist: string;
		courseFixtureLog: string;
	}
}

/**
 * Vitest global setup: builds the site once for every test that reads the built HTML, and the
 * fixture course (tests/support/course-fixture.ts) beside it. An Astro build on an unsupported Node
 * prints an error and still exits 0: the pages must exist too.
 */
export default async function buildSite(project: TestProject) {
	const [site, fixture] = await Promise.all([
		runAstroBuild({ root: projectRoot, outDir: builtSiteDir, env: { REPOSITORY_URL: testRepositoryUrl } }),
		courseFixtureFiles().then((files) =>
			buildFixtureSite(courseFixture.name, files, { BASE_PATH: courseFixture.base, SITE: courseFixture.site }),
		),
	]);
	mkdirSync(join(buildLogFile, '..'), { recursive: true });
	writeFileSync(buildLogFile, site.output);
	if (site.code !== 0 || !existsSync(join(builtSiteDir, 'index.html'))) {
		throw new Error(`The site did not build (exit ${site.code}):\n${site.output}`);
	}
	if (fixture.code !== 0 || !existsSync(join(fixture.dist, 'index.html'))) {
		throw new Error(`The fixture course did not build (exit ${fixture.code}):\n${fixture.output}`);
	}
	project.provide('courseFixtureDist', fixture.dist);
	project.provide('courseFixtureLog', fixture.output);
}

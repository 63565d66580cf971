import { fileURLToPath } from 'node:url';

/** The repository root. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Where the test run builds the site (kept apart from `dist/`, which belongs to the developer). */
export const builtSiteDir = fileURLToPath(new URL('../.output/site/', import.meta.url));
/** What `astro build` printed for that build. */
export const buildLogFile = fileURLToPath(new URL('../.output/build.log', import.meta.url));
/** Scratch copies of the site used to prove that bad input stops the build. */
export const fixtureSitesDir = fileURLToPath(new URL('../.output/fixtures/', import.meta.url));
/** The lesson whose rendering the site tests check. */
export const lessonSource = fileURLToPath(
	new URL('../../src/content/docs/lessons/automate-deployment.mdx', import.meta.url),
);

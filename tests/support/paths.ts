import { fileURLToPath } from 'node:url';

/** The repository root. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Where the test run builds the site (kept apart from `dist/`, which belongs to the developer). */
export const builtSiteDir = fileURLToPath(new URL('../.output/site/', import.meta.url));
/** What `astro build` printed for that build. */
export const buildLogFile = fileURLToPath(new URL('../.output/build.log', import.meta.url));
/** Scratch copies of the site used to prove what a maintainer's change does to the build. */
export const fixtureSitesDir = fileURLToPath(new URL('../.output/fixtures/', import.meta.url));
/** The lessons, as maintainers write them. */
export const lessonsSourceDir = fileURLToPath(new URL('../../src/content/docs/lessons/', import.meta.url));
/** The authoring guide, whose examples are built and checked. */
export const authoringGuide = fileURLToPath(new URL('../../docs/authoring.md', import.meta.url));
/** The lesson whose own content (its diagrams, table and knowledge checks) some tests check on purpose. */
export const lessonSource = fileURLToPath(
	new URL('../../src/content/docs/lessons/automate-deployment.mdx', import.meta.url),
);
/** The repository the test build's "Edit this page" links point into. */
export const testRepositoryUrl = 'https://github.com/example/mlops-course';

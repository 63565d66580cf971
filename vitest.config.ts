/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';
import { LongFilesFirst } from './tests/support/long-files-first.ts';

/**
 * Three projects, so that a change is answered by the tests it needs:
 * - unit: plugins, loaders, diagrams, the link checker, on strings and small files; no build.
 * - components: components rendered through Astro's container API; no build.
 * - site: the built site, read as HTML and opened in Chromium. Only this project has a global setup:
 *   one build of the site and one of the fixture course, shared by every file, and one Chromium.
 * `npm run test:unit` runs the first two; `npm test` runs all three.
 */
export default defineConfig({
	test: {
		// Vitest's default on two cores is a single worker, which leaves a processor idle while a file
		// waits on Chromium or a child build; two to four workers take the same time here, the
		// processors being the limit then (docs/maintaining.md, "How long they take").
		maxWorkers: 3,
		sequence: { sequencer: LongFilesFirst },
		projects: [
			{
				test: {
					name: 'unit',
					// The files share no state that one could leave behind for another; reusing a worker
					// saves a process start per file.
					isolate: false,
					environment: 'node',
					include: ['tests/unit/**/*.test.ts'],
					// The link checker's CLI tests start Node once per case: seconds on a busy machine.
					testTimeout: 30_000,
				},
			},
			// getViteConfig compiles .astro files with the site's own Astro config. The dev toolbar is
			// off, or every rendered element carries data-astro-source-* attributes.
			getViteConfig(
				{
					test: {
						name: 'components',
						isolate: false,
						environment: 'node',
						include: ['tests/components/**/*.test.ts'],
					},
				},
				{ devToolbar: { enabled: false } },
			),
			{
				test: {
					name: 'site',
					// One worker runs several files: each would otherwise load Playwright, axe and the helpers
					// again. The files share only the build and the browser, which they never change.
					isolate: false,
					// After the unit and component tests, not beside them: the link checker's tests wait
					// a few hundred milliseconds for local servers, and a busy Chromium next to them
					// would make those waits flaky.
					sequence: { groupOrder: 1 },
					environment: 'node',
					include: ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'],
					globalSetup: ['tests/support/build-site.ts', 'tests/support/browser-setup.ts'],
					// Fixture builds are whole Astro builds: seconds each, not milliseconds.
					testTimeout: 120_000,
					hookTimeout: 180_000,
					// What a page does after a click (a lazily loaded script, say) can take longer than
					// expect.poll's default second while Chromium shares two cores with builds.
					expect: { poll: { timeout: 10_000 } },
				},
			},
		],
	},
});

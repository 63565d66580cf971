/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig lets Vitest compile .astro components for the container API tests
// (tests/components). The dev toolbar is off, or every element would carry data-astro-source-*.
export default getViteConfig(
	{
		test: {
			environment: 'node',
			include: ['tests/**/*.test.ts'],
			// The site is built once per run; built-site and browser tests read that build.
			globalSetup: ['tests/support/build-site.ts'],
			// Fixture sites are whole Astro builds: seconds each, not milliseconds.
			testTimeout: 120_000,
			hookTimeout: 180_000,
		},
	},
	{ devToolbar: { enabled: false } },
);

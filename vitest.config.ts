/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig lets component tests compile .astro files with the site's own Astro config.
// The dev toolbar is off, or every rendered element carries data-astro-source-* attributes.
export default getViteConfig(
	{
		test: {
			environment: 'node',
			include: ['tests/**/*.test.ts'],
			// The site is built once per run; built-site and browser tests read that build. The browser
			// setup then serves it on 127.0.0.1 and starts the one Chromium all browser tests share.
			globalSetup: ['tests/support/build-site.ts', 'tests/support/browser-setup.ts'],
			// Fixture sites are whole Astro builds: seconds each, not milliseconds.
			testTimeout: 120_000,
			hookTimeout: 180_000,
		},
	},
	{ devToolbar: { enabled: false } },
);

import { defineConfig } from 'vitest/config';

export default defineConfig({
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
});

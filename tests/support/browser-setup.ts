import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumArgs, chromiumInstalled, chromiumPath } from './chromium.ts';
import { builtSiteDir } from './paths.ts';
import { startStaticServer } from './static-server.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Origin of the test build served over HTTP, with a trailing slash. */
		siteUrl: string;
		/** Playwright endpoint of the one Chromium the browser tests share; empty when none. */
		browserEndpoint: string;
		/** Why the browser tests are skipped, when they are. */
		browserSkipReason: string;
	}
}

/**
 * Vitest global setup, after the build: serves the built site and starts one Chromium that every
 * browser test connects to (one browser start per run instead of one per test file).
 */
export default async function setup(project: TestProject) {
	const server = await startStaticServer(builtSiteDir);
	project.provide('siteUrl', server.url);

	if (!chromiumInstalled()) {
		const reason = `Chromium not found at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`;
		await server.close();
		// In CI a missing browser is a broken setup, never a reason to pass with fewer tests.
		if (process.env.CI === 'true') throw new Error(`${reason}; CI=true, so the run fails.`);
		console.warn(`\nBrowser tests skipped: ${reason}.\n`);
		project.provide('browserEndpoint', '');
		project.provide('browserSkipReason', reason);
		return;
	}

	const browser = await chromium.launchServer({
		executablePath: chromiumPath,
		args: chromiumArgs,
		headless: true,
		host: '127.0.0.1',
	});
	project.provide('browserEndpoint', browser.wsEndpoint());
	project.provide('browserSkipReason', '');

	return async () => {
		await browser.close();
		await server.close();
	};
}

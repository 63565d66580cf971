import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The system Chromium; browsers are never downloaded for the tests. */
export const chromiumPath = '/usr/bin/chromium';

/**
 * Whether browser tests can run. Without Chromium they are skipped on a developer's machine,
 * but on CI (CI=true) a missing browser must fail the run, not pass it silently.
 */
export const chromiumAvailable = existsSync(chromiumPath);
export const chromiumRequired = process.env.CI === 'true';
export const chromiumMissingMessage = `browser tests need Chromium at ${chromiumPath} (apt-get install chromium)`;

export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

import { existsSync } from 'node:fs';

/** Debian's chromium; CHROMIUM_PATH points elsewhere when a machine keeps it somewhere else. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Flags for a quiet headless run: no GPU, no QUIC, and none of the background traffic (updates,
 * sync, component downloads) that would show up as failed requests on a machine without internet.
 */
export const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export function chromiumInstalled(): boolean {
	return existsSync(chromiumPath);
}

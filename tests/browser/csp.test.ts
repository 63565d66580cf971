import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersForPath, parseHeadersFile } from '../../src/hosting/headers-file.ts';
import { browserSkipReason, noBrowser, siteUrl, useFreshContexts } from '../support/browser.ts';
import { builtSiteDir } from '../support/paths.ts';

const lessonPath = 'lessons/automate-deployment/';
const policy = () => headersForPath(parseHeadersFile(readFileSync(join(builtSiteDir, '_headers'), 'utf8')), '/')['Content-Security-Policy'];

/**
 * The policy is enforced, not only sent: the site's own inline scripts run, and script that
 * reaches a page any other way is refused. The page tests elsewhere fail on any violation.
 */
describe.skipIf(noBrowser)(`Content-Security-Policy in the browser${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	const view = useFreshContexts();

	/** Serves the lesson with `markup` added before </body>, with or without the site's policy. */
	async function openWithInjected(markup: string, keepPolicy: boolean) {
		const { page, problems } = await view.page();
		await page.route(`**/${lessonPath}`, async (route) => {
			const response = await route.fetch();
			const headers = { ...response.headers() };
			// The body is handed over decoded: drop what described the encoded one.
			delete headers['content-encoding'];
			delete headers['content-length'];
			if (!keepPolicy) delete headers['content-security-policy'];
			await route.fulfill({ response, headers, body: (await response.text()).replace('</body>', `${markup}</body>`) });
		});
		const response = await page.goto(siteUrl + lessonPath);
		return { page, problems, response: response! };
	}

	it('arrives with every page and lets the site\'s own inline scripts run', async () => {
		const { page, problems } = await view.page({ theme: 'dark' });
		const response = await page.goto(siteUrl + lessonPath);
		expect(response?.headers()['content-security-policy']).toBe(policy());
		// Starlight's inline theme script ran before paint and applied the saved theme.
		expect(await page.evaluate(() => typeof (window as { StarlightThemeProvider?: unknown }).StarlightThemeProvider)).toBe('object');
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		expect(problems.consoleErrors).toEqual([]);
	});

	it('blocks an inline script injected into a page, and reports it', async () => {
		const injected = '<script>window.injected = true</script><img src="/favicon.svg" alt="" onload="window.handler = true">';
		const { page, problems } = await openWithInjected(injected, true);
		await page.waitForLoadState('load');
		expect(await page.evaluate(() => ({ script: 'injected' in window, handler: 'handler' in window }))).toEqual({ script: false, handler: false });
		const violations = problems.consoleErrors.filter((error) => error.startsWith('CSP violation:'));
		expect(violations.some((error) => error.includes('script-src-elem blocked inline'))).toBe(true);
		expect(violations.some((error) => error.includes('script-src-attr blocked inline'))).toBe(true);
	});

	it('blocks a script a page\'s own code would insert', async () => {
		const { page, problems } = await openWithInjected('', true);
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.inserted = true';
			document.body.append(script);
		});
		expect(await page.evaluate(() => 'inserted' in window)).toBe(false);
		await expect.poll(() => problems.consoleErrors.some((error) => error.startsWith('CSP violation: script-src-elem'))).toBe(true);
	});

	it('is what stops them: the same page without the policy runs the injected script', async () => {
		const { page } = await openWithInjected('<script>window.injected = true</script>', false);
		expect(await page.evaluate(() => 'injected' in window)).toBe(true);
	});
});

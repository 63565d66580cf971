import { cpSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildWorker } from '../../src/offline/build-worker.ts';
import { browserSkipReason, noBrowser, screenshotsDir, useFreshContexts } from '../support/browser.ts';
import { readBuiltPage } from '../support/built-page.ts';
import { courseFixture } from '../support/course-fixture.ts';
import { brokenImages, makeAvailableOffline, offlineCacheContents } from '../support/offline-copy.ts';
import { fixtureSitesDir } from '../support/paths.ts';
import { allPages, lessonRoutes } from '../support/site-pages.ts';
import { startDeploymentServer } from '../support/static-server.ts';

const fixtureDist = inject('courseFixtureDist');
const { base } = courseFixture;
const deployments = join(fixtureSitesDir, 'offline-deployments');

/** A copy of the fixture build, as a deployment of its own. */
function deployment(name: string): string {
	const dir = join(deployments, name);
	rmSync(dir, { recursive: true, force: true });
	cpSync(fixtureDist, dir, { recursive: true });
	return dir;
}

/** The first sentence of a lesson's text, as the build wrote it: a paragraph with no markup in it. */
function firstSentence(dir: string, route: string): string {
	const page = readBuiltPage(route, dir);
	const paragraph = page.selectAll('.sl-markdown-content > p').map((p) => page.text(p)).find((text) => text.length > 20 && page.html.includes(`<p>${text}</p>`));
	if (!paragraph) throw new Error(`${route}: no plain paragraph to change`);
	return paragraph;
}

const titleOf = (dir: string, route: string) => readBuiltPage(route, dir).text(readBuiltPage(route, dir).select('h1')!).trim();

/**
 * The offline copy in Chromium, on the fixture course under its base path: nothing before the
 * learner asks; every page, its images and search with the network gone; a second deployment
 * offered and taken; a broken one ignored; the copy removed.
 */
describe.skipIf(noBrowser)(`the offline copy${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	const contexts = useFreshContexts();
	let first: string;
	let server: Awaited<ReturnType<typeof startDeploymentServer>>;
	beforeAll(async () => {
		first = deployment('first');
		server = await startDeploymentServer(first, base);
	});
	afterAll(async () => {
		await server?.close();
		rmSync(deployments, { recursive: true, force: true });
	});
	const url = (route: string) => new URL(route, server.url).href;

	it('downloads nothing and registers no worker for a learner who does not ask', async () => {
		const { page, problems } = await contexts.page();
		const requested: string[] = [];
		page.on('request', (request) => requested.push(new URL(request.url()).pathname));
		for (const route of ['', lessonRoutes(first, base)[0]!]) {
			await page.goto(url(route));
			await page.waitForLoadState('networkidle');
		}
		expect(requested.filter((path) => path.endsWith('/sw.js') || path.includes('workbox'))).toEqual([]);
		expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
		expect(await offlineCacheContents(page)).toEqual({});
		expect(problems.consoleErrors).toEqual([]);
	});

	it('makes every page, its images and search available with the network off', async () => {
		const { context, page, problems } = await contexts.page();
		const took = await makeAvailableOffline(page, url(''));
		const status = await page.locator('[data-offline-status]').textContent();
		expect(status).toMatch(/ready offline in this browser: \d+\.\d MB/);
		mkdirSync(screenshotsDir, { recursive: true });
		await page.locator('.offline-copy').screenshot({ path: join(screenshotsDir, 'offline-copy-ready.png') });
		const contents = await offlineCacheContents(page);
		const files = Object.values(contents).flat();
		console.info(`[offline copy] fixture course: ready in ${took} ms; ${files.length} files; ${status}`);

		// Images: in the one format this browser picks from each <picture>, never every format.
		const images = files.filter((file) => /\.(avif|webp|png|jpe?g|svg)$/.test(file) && !file.endsWith('favicon.svg'));
		const formats = new Set(images.filter((file) => !file.endsWith('.svg')).map((file) => file.split('.').pop()));
		expect(formats).toEqual(new Set(['avif']));

		server.disconnect(true);
		await context.setOffline(true);
		try {
			for (const route of allPages(first, base)) {
				const response = await page.goto(url(route));
				expect(response?.ok() || route === '404.html', route).toBe(true);
				expect(await page.locator('h1').first().textContent(), route).toContain(titleOf(first, route));
				expect(await brokenImages(page), route).toEqual([]);
			}
			// An address that is no page gets the page-not-found page.
			await page.goto(url('lessons/no-such-lesson/'));
			expect(await page.locator('h1').first().textContent()).toContain(titleOf(first, '404.html'));

			// Search: its script, index and WebAssembly come from the copy.
			const lesson = lessonRoutes(first, base)[0]!;
			await page.goto(url(lesson));
			await page.getByRole('button', { name: 'Search' }).click();
			await page.locator('site-search dialog').getByRole('textbox', { name: 'Search' }).fill(titleOf(first, lesson));
			await page.locator('.pagefind-ui__result-link', { hasText: titleOf(first, lesson) }).first().waitFor({ timeout: 15_000 });
		} finally {
			await context.setOffline(false);
			server.disconnect(false);
		}
		expect(problems.consoleErrors).toEqual([]);
	});

	it('offers a new deployment on the next visit, changes nothing until the learner takes it, then shows it', async () => {
		const { page, problems } = await contexts.page();
		await makeAvailableOffline(page, url(''));
		const lesson = lessonRoutes(first, base)[0]!;
		const before = firstSentence(first, lesson);
		const after = 'This sentence was changed by the second deployment.';
		const second = deployment('second');
		const file = join(second, lesson, 'index.html');
		writeFileSync(file, readFileSync(file, 'utf8').replace(`<p>${before}</p>`, `<p>${after}</p>`));
		await buildWorker(second, base);
		server.deploy(second);

		await page.goto(url(lesson));
		const prompt = page.getByRole('status').filter({ hasText: 'A new version of the course is available.' });
		await prompt.waitFor({ timeout: 30_000 });
		// The page the learner reads is still the one they had.
		expect(await page.locator('main').textContent()).toContain(before);
		await page.screenshot({ path: join(screenshotsDir, 'offline-update-prompt.png') });
		await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), prompt.getByRole('button', { name: 'Update now' }).click()]);
		await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain(after);

		// The new version is the offline copy now.
		server.disconnect(true);
		try {
			await page.goto(url(lesson));
			expect(await page.locator('main').textContent()).toContain(after);
		} finally {
			server.disconnect(false);
			server.deploy(first);
		}
		expect(problems.consoleErrors).toEqual([]);
	});

	it('keeps the copy it has when a new deployment cannot be downloaded whole', async () => {
		const { page } = await contexts.page();
		await makeAvailableOffline(page, url(''));
		const lesson = lessonRoutes(first, base)[0]!;
		const before = firstSentence(first, lesson);
		const broken = deployment('broken');
		const file = join(broken, lesson, 'index.html');
		writeFileSync(file, readFileSync(file, 'utf8').replace(`<p>${before}</p>`, '<p>This version never arrives.</p>'));
		await buildWorker(broken, base);
		// The changed page, which the new worker must download (the others it has at their revision),
		// goes missing on the host: the install fails half way.
		unlinkSync(file);
		server.deploy(broken);
		try {
			const failed = page.evaluate(
				() =>
					new Promise<string>((resolve) => {
						void navigator.serviceWorker.getRegistration().then((registration) => {
							registration!.addEventListener('updatefound', () => {
								const installing = registration!.installing!;
								installing.addEventListener('statechange', () => {
									if (installing.state === 'redundant' || installing.state === 'installed') resolve(installing.state);
								});
							});
							void registration!.update();
						});
					}),
			);
			expect(await failed).toBe('redundant');
			await page.goto(url(lesson));
			expect(await page.locator('main').textContent()).toContain(before);
			expect(await page.getByText('A new version of the course is available.').count()).toBe(0);
			server.disconnect(true);
			await page.goto(url(lesson));
			expect(await page.locator('main').textContent()).toContain(before);
		} finally {
			server.disconnect(false);
			server.deploy(first);
		}
	});

	it('removes the copy: no worker, no caches, and pages need the network again', async () => {
		const { context, page } = await contexts.page();
		await makeAvailableOffline(page, url(''));
		await page.getByRole('button', { name: 'Remove the offline copy' }).click();
		await page.locator('.offline-copy[data-offline-state="removed"]').waitFor();
		expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
		expect(await offlineCacheContents(page)).toEqual({});
		expect(await page.getByRole('button', { name: 'Make the course available offline' }).isVisible()).toBe(true);
		await context.setOffline(true);
		server.disconnect(true);
		try {
			await expect(page.goto(url(lessonRoutes(first, base)[0]!))).rejects.toThrow();
		} finally {
			server.disconnect(false);
			await context.setOffline(false);
		}
	});
});

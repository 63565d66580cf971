import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { startStaticServer, type StaticServer } from './static-server.ts';

/** Where screenshots go; CI uploads this folder as an artifact. */
export const screenshotsDir = fileURLToPath(new URL('../.output/screenshots/', import.meta.url));

export const siteUrl = inject('siteUrl');
export const browserSkipReason = inject('browserSkipReason');
/** True when the run has no browser (only outside CI: in CI the global setup fails instead). */
export const noBrowser = inject('browserEndpoint') === '';

export type Theme = 'light' | 'dark';

export const themes: Theme[] = ['light', 'dark'];
export const widths = [1280, 375] as const;

/** Connects to the Chromium started by the global setup. */
export function connectBrowser(): Promise<Browser> {
	return chromium.connect(inject('browserEndpoint'));
}

/**
 * For the tests of a describe block: the shared Chromium and a server for a scratch build, served
 * under `base` as its host would. `dir` is read when the block starts, after the build.
 */
export function useBrowserAndServer(dir: () => string, base: string): { browser: Browser; server: StaticServer } {
	const handles = {} as { browser: Browser; server: StaticServer };
	beforeAll(async () => {
		handles.browser = await connectBrowser();
		handles.server = await startStaticServer(dir(), base);
	});
	afterAll(async () => {
		await handles.browser?.close();
		await handles.server?.close();
	});
	return handles;
}

export interface ViewOptions {
	theme?: Theme;
	/** 1280 unless given; below 800 the context is a phone (touch, mobile viewport). */
	width?: number;
	deviceScaleFactor?: number;
	javaScriptEnabled?: boolean;
	/** A script every page of the context runs before its own (to seed or break storage, say). */
	init?: string;
}

/**
 * For the tests of a describe block: the shared Chromium, and fresh contexts (no shared storage)
 * that are closed after each test, pass or fail.
 */
export function useFreshContexts() {
	let browser: Browser | undefined;
	const open: BrowserContext[] = [];
	beforeAll(async () => {
		browser = await connectBrowser();
	});
	afterEach(async () => {
		await Promise.all(open.splice(0).map((context) => context.close()));
	});
	afterAll(() => browser?.close());

	async function context(options: ViewOptions = {}): Promise<BrowserContext> {
		const created = await newContext(browser!, { ...options, width: options.width ?? 1280, theme: options.theme ?? 'light' });
		open.push(created);
		if (options.init) await created.addInitScript(options.init);
		return created;
	}
	return {
		context,
		/** A page in a fresh context, with what a learner's browser would complain about on it. */
		async page(options: ViewOptions = {}): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
			const created = await context(options);
			const page = await created.newPage();
			return { context: created, page, problems: watchProblems(page) };
		},
	};
}

/**
 * A fresh context (no shared storage) at a given width, with the theme chosen the way a learner's
 * earlier choice is kept by Starlight (localStorage `starlight-theme`) and the OS preference to match.
 */
export async function newContext(
	browser: Browser,
	options: { width: number; theme?: Theme; deviceScaleFactor?: number; javaScriptEnabled?: boolean },
): Promise<BrowserContext> {
	const mobile = options.width < 800;
	const context = await browser.newContext({
		viewport: { width: options.width, height: mobile ? 812 : 800 },
		isMobile: mobile,
		hasTouch: mobile,
		deviceScaleFactor: options.deviceScaleFactor ?? 1,
		colorScheme: options.theme ?? 'light',
		reducedMotion: 'reduce',
		javaScriptEnabled: options.javaScriptEnabled ?? true,
	});
	// Every Content-Security-Policy violation becomes a console error, which the page checks fail on,
	// with what was blocked and by which directive (Chromium's own message leaves out the sample).
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sample}) at ${event.sourceFile}:${event.lineNumber}`);
		});
	});
	if (options.theme) {
		const theme = options.theme;
		await context.addInitScript((value) => {
			// Only the first load: a test that changes the theme must see its change survive a reload.
			if (!sessionStorage.getItem('test-theme-set')) {
				localStorage.setItem('starlight-theme', value);
				sessionStorage.setItem('test-theme-set', '1');
			}
		}, theme);
	}
	return context;
}

export interface PageProblems {
	consoleErrors: string[];
	/** Requests that failed or answered 4xx/5xx, as "status url" with their resource type. */
	failedRequests: { url: string; type: string; problem: string }[];
}

/** Records what a learner's browser would complain about while the page is open. */
export function watchProblems(page: Page): PageProblems {
	const problems: PageProblems = { consoleErrors: [], failedRequests: [] };
	page.on('console', (message) => {
		if (message.type() === 'error') problems.consoleErrors.push(`${message.text()} (${message.location().url})`);
	});
	page.on('pageerror', (error) => problems.consoleErrors.push(`uncaught: ${error.message}`));
	page.on('requestfailed', (request) =>
		problems.failedRequests.push({ url: request.url(), type: request.resourceType(), problem: request.failure()?.errorText ?? 'failed' }),
	);
	page.on('response', (response) => {
		if (response.status() >= 400) {
			problems.failedRequests.push({ url: response.url(), type: response.request().resourceType(), problem: String(response.status()) });
		}
	});
	return problems;
}

/**
 * Pages this worker keeps open between tests and files, by the view they were made for (width,
 * pixel ratio, JavaScript): a new context and its first load of a lesson cost about four times a
 * navigation in an open page, and the suite opens a page per view of every lesson. Each is handed out
 * with its origin's data cleared, so nothing one test saved reaches the next.
 */
const idlePages = new Map<string, Page[]>();
let sharedBrowser: Promise<Browser> | undefined;

function viewKey(options: ViewOptions): string {
	return `${options.width ?? 1280}|${options.deviceScaleFactor ?? 1}|${options.javaScriptEnabled ?? true}`;
}

/**
 * Clears what a site keeps in the browser for an origin: localStorage, sessionStorage, IndexedDB,
 * Cache Storage, service workers and cookies (DevTools protocol `Storage.clearDataForOrigin`), and
 * the HTTP cache, so that the next load is a first load.
 */
export async function clearSiteData(page: Page, origin: string): Promise<void> {
	const session = await page.context().newCDPSession(page);
	try {
		await session.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
		await session.send('Network.clearBrowserCache');
	} finally {
		await session.detach();
	}
}

/**
 * A page of the worker's shared ones for a view, on about:blank, its origin's data cleared, in the
 * theme asked for: the system preference (the learner has chosen none), which Starlight follows.
 * Give it back with `releaseSharedPage` when done; `useSharedPages` does that after each test.
 */
export async function sharedPage(options: ViewOptions & { origin?: string } = {}): Promise<Page> {
	if (options.init) throw new Error('sharedPage: a page with an init script needs a fresh context (useFreshContexts)');
	const key = viewKey(options);
	let page = idlePages.get(key)?.pop();
	if (!page) {
		sharedBrowser ??= connectBrowser();
		const context = await newContext(await sharedBrowser, { width: options.width ?? 1280, deviceScaleFactor: options.deviceScaleFactor, javaScriptEnabled: options.javaScriptEnabled });
		page = await context.newPage();
	}
	await page.goto('about:blank');
	await clearSiteData(page, options.origin ?? new URL(siteUrl).origin);
	await page.emulateMedia({ colorScheme: options.theme ?? 'light', reducedMotion: 'reduce' });
	return page;
}

/** Hands a shared page back, without the listeners a test added to it. */
export async function releaseSharedPage(page: Page, options: ViewOptions = {}): Promise<void> {
	if (page.isClosed()) return;
	page.removeAllListeners();
	const key = viewKey(options);
	idlePages.set(key, [...(idlePages.get(key) ?? []), page]);
}

/**
 * For the tests of a describe block: pages shared with the worker's other tests (see `sharedPage`),
 * given back after each test. For a test that needs its own context (an init script, permissions,
 * several tabs), use `useFreshContexts`.
 */
export function useSharedPages() {
	const lent: { page: Page; options: ViewOptions }[] = [];
	afterEach(async () => {
		await Promise.all(lent.splice(0).map(({ page, options }) => releaseSharedPage(page, options)));
	});
	return {
		async page(options: ViewOptions = {}): Promise<{ page: Page; problems: PageProblems }> {
			const page = await sharedPage(options);
			lent.push({ page, options });
			return { page, problems: watchProblems(page) };
		},
	};
}

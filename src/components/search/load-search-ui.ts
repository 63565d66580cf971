import { pagefindUserConfig } from 'virtual:starlight/pagefind-config';
// A URL, not a CSS import: Astro adds every stylesheet a page's scripts import, even lazily, to the
// page's <head>, and these styles are only needed once search opens.
import stylesheetUrl from './pagefind-ui.css?url';

interface SearchLoaderOptions {
	/** Where Pagefind's UI renders; missing in `astro dev`, where search is not built. */
	container: HTMLElement | null;
	translations: Record<string, string>;
	stripTrailingSlash: boolean;
	/** Shown in the dialog when the UI cannot be fetched (offline, for example). */
	loadError: string;
}

interface PagefindResult {
	url: string;
	sub_results: Array<{ url: string }>;
}

/**
 * Fetches Pagefind's UI (script and styles) on first use rather than on page load. Both imports are
 * split into their own files by the bundler, so a page that never opens search never downloads them.
 */
function fetchSearchUI() {
	return Promise.all([
		// @ts-expect-error Pagefind's default UI ships no types.
		import('@pagefind/default-ui') as Promise<{ PagefindUI: new (options: object) => unknown }>,
		loadSearchStyles(),
	]).then(([ui]) => ui.PagefindUI);
}

let styles: Promise<void> | undefined;

/** The styles of the dialog and of Pagefind's UI, fetched once (again after a failure). */
export function loadSearchStyles(): Promise<void> {
	styles ??= loadStylesheet(stylesheetUrl).catch((error: unknown) => {
		styles = undefined;
		throw error;
	});
	return styles;
}

function loadStylesheet(href: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const link = document.createElement('link');
		link.rel = 'stylesheet';
		link.href = href;
		link.onload = () => resolve();
		link.onerror = () => reject(new Error(`Could not load ${href}`));
		document.head.append(link);
	});
}

export function createSearchLoader(options: SearchLoaderOptions) {
	let fetching: ReturnType<typeof fetchSearchUI> | undefined;
	let mounting: Promise<void> | undefined;

	const fetchOnce = () => {
		fetching ??= fetchSearchUI().catch((error: unknown) => {
			// Let a later attempt try again (the connection may come back).
			fetching = undefined;
			throw error;
		});
		return fetching;
	};

	const formatURL = options.stripTrailingSlash
		? (path: string) => path.replace(/(.)\/(#.*)?$/, '$1$2')
		: (path: string) => path;

	const build = (PagefindUI: new (options: object) => unknown) => {
		const base = import.meta.env.BASE_URL;
		new PagefindUI({
			...pagefindUserConfig,
			element: options.container,
			baseUrl: base,
			bundlePath: base.replace(/\/$/, '') + '/pagefind/',
			showImages: false,
			translations: options.translations,
			showSubResults: true,
			processResult: (result: PagefindResult) => {
				result.url = formatURL(result.url);
				result.sub_results = result.sub_results.map((sub) => ({ ...sub, url: formatURL(sub.url) }));
			},
		});
	};

	return {
		/** Starts downloading the UI without building it; errors wait for `mount`. */
		prefetch: () => {
			if (options.container) fetchOnce().catch(() => {});
		},
		/** Builds the UI once; resolves when its search input exists. */
		mount: (): Promise<void> => {
			const container = options.container;
			if (!container) return Promise.resolve();
			// `catch` after `then`: a failure while building the UI must also reset and show the message,
			// or every later open would wait on the same rejected promise.
			mounting ??= fetchOnce()
				.then((PagefindUI) => {
					container.textContent = '';
					build(PagefindUI);
				})
				.catch((error: unknown) => {
					mounting = undefined;
					container.textContent = options.loadError;
					console.warn(error);
				});
			return mounting;
		},
	};
}

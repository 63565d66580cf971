/**
 * Run first on every page of an LMS package (a classic script in the head, before the page's
 * modules): where the package is served from, for the page's scripts (src/lms/relative-urls.ts);
 * progress kept by the launch page around it, when there is one; and folder links (search results)
 * sent to the folder's index.html, since an LMS serves files only. Not in the website's pages.
 */
type Bridged = typeof globalThis & { lmsRoot?: string; courseProgressStorage?: unknown; lmsProgressStorage?: unknown };

const script = document.currentScript as HTMLScriptElement;
const root = new URL('../', script.src);
(self as Bridged).lmsRoot = root.pathname;

try {
	const host = parent !== self ? (parent as unknown as Bridged).lmsProgressStorage : undefined;
	if (host) (self as Bridged).courseProgressStorage = host;
} catch {
	// A parent from another origin: the page keeps its progress itself.
}

document.addEventListener(
	'click',
	(event) => {
		const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
		if (!link || link.origin !== root.origin || !link.pathname.startsWith(root.pathname) || !link.pathname.endsWith('/')) return;
		link.pathname += 'index.html';
	},
	true,
);

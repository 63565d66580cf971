import { createSearchLoader, loadSearchStyles } from './load-search-ui.ts';

interface SearchDialog {
	loader: ReturnType<typeof createSearchLoader>;
	/** Closes the dialog when a learner clicks a link or outside it; listened to while it is open. */
	onClick: (event: MouseEvent) => void;
}

const dialogs = new WeakMap<HTMLElement, SearchDialog>();

/**
 * The search dialog of a `<site-search>` element, set up on first use: Pagefind's UI, closing on a
 * click outside or on a result, and focus back on the button when it closes, as in Starlight.
 */
function setUp(search: HTMLElement): SearchDialog {
	const existing = dialogs.get(search);
	if (existing) return existing;
	const dialog = search.querySelector('dialog')!;
	const frame = search.querySelector('.dialog-frame')!;
	const onClick = (event: MouseEvent) => {
		const target = event.target as Node;
		if ('href' in (target || {}) || (document.body.contains(target) && !frame.contains(target))) dialog.close();
	};
	dialog.addEventListener('close', () => {
		document.body.toggleAttribute('data-search-modal-open', false);
		window.removeEventListener('click', onClick);
		search.querySelector<HTMLButtonElement>('button[data-open-modal]')!.focus();
	});
	search.querySelector('button[data-close-modal]')?.addEventListener('click', () => dialog.close());
	const loader = createSearchLoader({
		container: search.querySelector<HTMLElement>('#starlight__search'),
		translations: parseTranslations(search.dataset.translations),
		stripTrailingSlash: search.dataset.stripTrailingSlash !== undefined,
		loadError: search.dataset.loadError ?? '',
	});
	const created = { loader, onClick };
	dialogs.set(search, created);
	return created;
}

/** Starts fetching Pagefind's UI and the dialog's styles without opening anything. */
export function prefetchSearch(search: HTMLElement): void {
	setUp(search).loader.prefetch();
	loadSearchStyles().catch(() => {});
}

const opening = new WeakSet<HTMLElement>();

/**
 * Opens the dialog once its styles are in (without them, it would flash unstyled; if they cannot be
 * fetched it opens anyway, to say so), and puts focus in the search field once it exists.
 */
export function openSearch(search: HTMLElement): void {
	const { loader, onClick } = setUp(search);
	const dialog = search.querySelector('dialog')!;
	if (dialog.open || opening.has(search)) return;
	opening.add(search);
	void loadSearchStyles()
		.catch(() => {})
		.then(() => {
			opening.delete(search);
			dialog.showModal();
			document.body.toggleAttribute('data-search-modal-open', true);
			window.addEventListener('click', onClick);
			return loader.mount();
		})
		.then(() => {
			if (dialog.open) search.querySelector('input')?.focus();
		});
}

function parseTranslations(json: string | undefined): Record<string, string> {
	try {
		return JSON.parse(json || '{}');
	} catch {
		return {};
	}
}

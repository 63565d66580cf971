import { Workbox } from 'workbox-window';
import { workerFile } from './names.ts';
import { storeImages } from './offline-images.ts';

/**
 * Loaded by the search button's script (Search.astro) for learners with the offline copy, on every page: asks the host for a new worker (a new
 * deployment), lets it download the new version in the background, then asks the learner. The
 * page changes only when they accept: the new worker takes over, the images follow, the page
 * reloads onto the new version. If the download fails the new worker is dropped and the copy in
 * use stays as it was.
 */
function watchForUpdates(): void {
	const workbox = new Workbox(`${import.meta.env.BASE_URL}${workerFile}`, { scope: import.meta.env.BASE_URL });
	let accepted = false;
	workbox.addEventListener('waiting', () =>
		showPrompt('A new version of the course is available.', 'Update now', () => {
			accepted = true;
			workbox.addEventListener('controlling', () => {
				// Images of the new pages, then the new version; offline or failing, the pages still update.
				void storeImages(() => undefined)
					.catch(() => undefined)
					.finally(() => location.reload());
			});
			workbox.messageSkipWaiting();
		}),
	);
	// Another tab took the update: this one keeps its page until the learner reloads.
	workbox.addEventListener('controlling', (event) => {
		if (!accepted && event.isExternal) showPrompt('The course was updated in another tab.', 'Reload', () => location.reload());
	});
	void workbox.register();
}

/** A bar at the foot of the window, announced politely, styled here so that only these learners load it. */
function showPrompt(message: string, action: string, onAccept: () => void): void {
	document.querySelector('.offline-update')?.remove();
	const bar = document.createElement('div');
	bar.className = 'offline-update';
	bar.setAttribute('role', 'status');
	Object.assign(bar.style, {
		position: 'fixed',
		insetInline: '1rem',
		bottom: '1rem',
		zIndex: '100',
		display: 'flex',
		flexWrap: 'wrap',
		alignItems: 'center',
		gap: '0.75rem',
		maxWidth: '36rem',
		marginInline: 'auto',
		padding: '0.75rem 1rem',
		border: '1px solid var(--sl-color-gray-5)',
		borderRadius: '0.5rem',
		background: 'var(--sl-color-bg-nav)',
		color: 'var(--sl-color-white)',
		boxShadow: 'var(--sl-shadow-md)',
	});
	const text = document.createElement('p');
	text.textContent = message;
	text.style.margin = '0';
	const accept = button(action, () => {
		accept.disabled = true;
		onAccept();
	});
	accept.style.fontWeight = '600';
	const later = button('Later', () => bar.remove());
	bar.append(text, accept, later);
	// Never on paper; the print styles leave it out here rather than on every page's first load.
	addEventListener('beforeprint', () => (bar.style.display = 'none'));
	addEventListener('afterprint', () => (bar.style.display = 'flex'));
	document.body.append(bar);
}

function button(label: string, onClick: () => void): HTMLButtonElement {
	const element = document.createElement('button');
	element.type = 'button';
	element.textContent = label;
	Object.assign(element.style, {
		padding: '0.25rem 0.75rem',
		border: '1px solid var(--sl-color-gray-4)',
		borderRadius: '0.25rem',
		background: 'var(--sl-color-bg)',
		color: 'var(--sl-color-white)',
		cursor: 'pointer',
	});
	element.addEventListener('click', onClick);
	return element;
}

watchForUpdates();

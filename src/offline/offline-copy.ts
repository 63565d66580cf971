import { Workbox } from 'workbox-window';
import { cachePrefix, workerFile } from './names.ts';
import { copySize, openPrecache, storeImages } from './offline-images.ts';

/**
 * The course overview's offline control, loaded when the learner asks for the copy or already has
 * it: downloads the copy (the worker's precache, then the images), says how much space it takes,
 * and removes it.
 */

interface Parts {
	download: HTMLButtonElement;
	remove: HTMLButtonElement;
	progress: HTMLProgressElement;
	status: HTMLElement;
}

function partsOf(section: HTMLElement): Parts {
	return {
		download: section.querySelector('[data-offline-action="download"]')!,
		remove: section.querySelector('[data-offline-action="remove"]')!,
		progress: section.querySelector('progress')!,
		status: section.querySelector('[data-offline-status]')!,
	};
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Shows that the copy is there, with the space it takes, and the control that removes it. */
export async function showReady(section: HTMLElement): Promise<void> {
	const parts = partsOf(section);
	const size = await copySize();
	parts.progress.hidden = true;
	parts.download.hidden = true;
	parts.remove.hidden = false;
	parts.status.textContent = `The course is ready offline in this browser: ${megabytes(size)}.`;
	section.dataset.offlineState = 'ready';
}

/** Registers the worker, which precaches the course, then stores the images; progress as it goes. */
export async function download(section: HTMLElement): Promise<void> {
	const parts = partsOf(section);
	const total = Number(section.dataset.offlineFiles) || 1;
	parts.download.disabled = true;
	parts.progress.hidden = false;
	parts.progress.value = 0;
	parts.status.textContent = 'Downloading the course…';
	section.dataset.offlineState = 'downloading';
	// The worker's install reports no progress: count what its precache holds so far. Files are 90 %
	// of the bar, images the rest.
	const poll = setInterval(() => {
		void openPrecache().then(async (cache) => {
			const stored = cache ? (await cache.keys()).length : 0;
			parts.progress.value = Math.min(90, (90 * stored) / total);
		});
	}, 250);
	try {
		const workbox = new Workbox(`${import.meta.env.BASE_URL}${workerFile}`, { scope: import.meta.env.BASE_URL });
		const activated = new Promise<void>((resolve, reject) => {
			workbox.addEventListener('activated', () => resolve());
			workbox.addEventListener('redundant', () => reject(new Error('the download stopped')));
		});
		const registration = await workbox.register({ immediate: true });
		if (!registration) throw new Error('this browser refused the offline copy');
		await activated;
		clearInterval(poll);
		await storeImages((done, count) => (parts.progress.value = 90 + (10 * done) / Math.max(count, 1)));
		// Ask the browser to keep the copy when space runs low; it may decide on its own.
		await navigator.storage?.persist?.().catch(() => false);
		await showReady(section);
	} catch (error) {
		clearInterval(poll);
		await removeCopy();
		parts.progress.hidden = true;
		parts.download.disabled = false;
		parts.status.textContent = `The course could not be made available offline (${error instanceof Error ? error.message : 'unknown error'}). Try again when the connection is better.`;
		section.dataset.offlineState = 'failed';
	}
}

/** Unregisters the worker and deletes its caches. */
async function removeCopy(): Promise<void> {
	const registration = await navigator.serviceWorker.getRegistration(import.meta.env.BASE_URL);
	await registration?.unregister();
	for (const name of await caches.keys()) if (name.startsWith(cachePrefix)) await caches.delete(name);
}

export async function remove(section: HTMLElement): Promise<void> {
	const parts = partsOf(section);
	parts.remove.disabled = true;
	await removeCopy();
	parts.remove.disabled = false;
	parts.remove.hidden = true;
	parts.download.hidden = false;
	parts.download.disabled = false;
	parts.status.textContent = 'The offline copy is removed from this browser.';
	section.dataset.offlineState = 'removed';
}

import { cachePrefix, imageCacheName } from './names.ts';

/** The worker's precache: Workbox names it `<cacheId>-precache-v2-<scope>`. */
export async function openPrecache(): Promise<Cache | undefined> {
	const name = (await caches.keys()).find((key) => key.startsWith(`${cachePrefix}-precache-`));
	return name ? caches.open(name) : undefined;
}

/** The pages of the offline copy, read from the precache (no network). */
async function precachedPages(): Promise<Document[]> {
	const precache = await openPrecache();
	if (!precache) return [];
	const parser = new DOMParser();
	const pages: Document[] = [];
	for (const request of await precache.keys()) {
		if (!new URL(request.url).pathname.endsWith('.html')) continue;
		const response = await precache.match(request);
		if (response) pages.push(parser.parseFromString(await response.text(), 'text/html'));
	}
	return pages;
}

// The site writes srcset URLs without commas (file names under /img/), so a split is enough here.
const srcsetUrls = (srcset: string) => srcset.split(',').map((entry) => entry.trim().split(/\s+/)[0]!).filter(Boolean);

/**
 * Which of a <picture>'s sources this browser takes (an index, or -1 for the <img> itself): found by
 * letting it choose, in a hidden copy, as it does on the page. Browsers pick by type first, so the
 * answer holds for every picture with the same list of types.
 */
async function chosenSource(picture: HTMLPictureElement): Promise<number> {
	const copy = document.importNode(picture, true);
	const image = copy.querySelector('img');
	if (!image) return -1;
	image.loading = 'eager';
	const holder = document.createElement('div');
	holder.hidden = true;
	holder.append(copy);
	document.body.append(holder);
	try {
		await image.decode().catch(() => undefined);
		const chosen = image.currentSrc;
		return [...copy.querySelectorAll('source')].findIndex((source) => srcsetUrls(source.srcset).some((url) => new URL(url, location.href).href === chosen));
	} finally {
		holder.remove();
	}
}

/** Every image URL of the pages, in the format this browser uses: each width of it, for any window and the zoom view. */
async function imagesForThisBrowser(pages: Document[]): Promise<string[]> {
	const urls = new Set<string>();
	const choices = new Map<string, number>();
	for (const page of pages) {
		for (const image of page.querySelectorAll<HTMLImageElement>('main img')) {
			const picture = image.parentElement instanceof HTMLPictureElement ? image.parentElement : undefined;
			const sources = picture ? [...picture.querySelectorAll('source')] : [];
			const types = sources.map((source) => source.type).join(' ');
			if (picture && sources.length > 0 && !choices.has(types)) choices.set(types, await chosenSource(picture));
			const chosen = sources[choices.get(types) ?? -1];
			const chosenUrls = chosen ? srcsetUrls(chosen.srcset) : [image.getAttribute('src') ?? '', ...srcsetUrls(image.srcset)];
			for (const url of chosenUrls) if (url) urls.add(new URL(url, location.href).href);
		}
	}
	return [...urls];
}

/**
 * Stores the images of every page of the offline copy, in this browser's format, where the worker
 * serves them from (its CacheFirst route for images). Images a page no longer shows are dropped.
 * Asks the host again (`no-cache`): images keep their names when they change.
 */
export async function storeImages(onProgress: (done: number, total: number) => void): Promise<void> {
	const urls = await imagesForThisBrowser(await precachedPages());
	const cache = await caches.open(imageCacheName);
	let done = 0;
	onProgress(done, urls.length);
	for (const url of urls) {
		const response = await fetch(url, { cache: 'no-cache' });
		if (!response.ok) throw new Error(`${url}: ${response.status}`);
		await cache.put(url, response);
		onProgress(++done, urls.length);
	}
	const wanted = new Set(urls);
	for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
}

/** Bytes the offline copy takes: the content of every response in its caches. */
export async function copySize(): Promise<number> {
	let bytes = 0;
	for (const name of await caches.keys()) {
		if (!name.startsWith(cachePrefix)) continue;
		const cache = await caches.open(name);
		for (const request of await cache.keys()) bytes += (await (await cache.match(request))?.blob())?.size ?? 0;
	}
	return bytes;
}

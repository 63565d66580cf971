/**
 * Runs in the browser, on the course overview: appends every lesson after it, in sidebar order, so
 * that one print of the page is the module (the overview as its cover). Each lesson starts on a new
 * page; its ids get the lesson's prefix so that two lessons' "#summary" stay apart, and links between
 * pages of the module become links inside the document. Other links of the site point at the
 * published site (`siteUrl`), never at the local server the PDF is made from.
 *
 * Plain DOM code with no imports: Playwright sends it to the page as it is.
 */
export async function assembleModule(siteUrl: string): Promise<{ lessons: string[] }> {
	const main = document.querySelector('main')!;
	const parser = new DOMParser();
	const overviewPath = location.pathname;
	// The overview has no sidebar: the sidebar of the first page it links to gives the order.
	const firstLink = [...main.querySelectorAll<HTMLAnchorElement>('a[href]')].find((link) => link.origin === location.origin && link.pathname !== overviewPath);
	const firstPage = firstLink ? parser.parseFromString(await (await fetch(firstLink.pathname)).text(), 'text/html') : document;
	const sidebarLinks = [...firstPage.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href]')];
	const lessons = [...new Set(sidebarLinks.map((link) => new URL(link.getAttribute('href')!, location.href).pathname))].filter((path) => path !== overviewPath);
	const anchorOf = (path: string) => `module-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}`;
	// The PDF's title is the course's, not the overview page's.
	document.title = document.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content ?? document.title;

	for (const path of lessons) {
		const html = await (await fetch(path)).text();
		const page = parser.parseFromString(html, 'text/html');
		// Styles the page inlines (a component's, such as the knowledge checks') come along, once.
		const styles = new Set([...document.querySelectorAll('style')].map((style) => style.textContent));
		for (const style of page.querySelectorAll('head style')) {
			if (!styles.has(style.textContent)) document.head.append(document.importNode(style, true));
		}
		const article = document.createElement('article');
		article.id = anchorOf(path);
		article.dataset.modulePage = path;
		article.style.breakBefore = 'page';
		for (const panel of page.querySelectorAll('main .content-panel')) article.append(document.importNode(panel, true));
		const prefix = `${article.id}--`;
		for (const element of article.querySelectorAll('[id]')) element.id = prefix + element.id;
		for (const label of article.querySelectorAll<HTMLLabelElement>('label[for]')) label.htmlFor = prefix + label.htmlFor;
		for (const element of article.querySelectorAll('[aria-labelledby], [aria-describedby]')) {
			for (const name of ['aria-labelledby', 'aria-describedby']) {
				const value = element.getAttribute(name);
				if (value) element.setAttribute(name, value.split(/\s+/).map((id) => prefix + id).join(' '));
			}
		}
		for (const link of article.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) link.setAttribute('href', `#${prefix}${link.getAttribute('href')!.slice(1)}`);
		main.append(article);
	}

	// Links to pages of the module go inside the document; other links to the site, to the published site.
	const inModule = new Set(lessons);
	for (const link of document.querySelectorAll<HTMLAnchorElement>('main a[href]')) {
		const target = new URL(link.href);
		if (target.origin !== location.origin || link.getAttribute('href')!.startsWith('#')) continue;
		if (inModule.has(target.pathname)) {
			const id = anchorOf(target.pathname);
			link.setAttribute('href', target.hash ? `#${id}--${target.hash.slice(1)}` : `#${id}`);
		} else {
			link.setAttribute('href', new URL(target.pathname + target.hash, siteUrl).href);
		}
	}

	// Every image now, lazy ones too, before the page is printed.
	const images = [...document.querySelectorAll<HTMLImageElement>('main img')];
	for (const image of images) image.loading = 'eager';
	await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
	return { lessons };
}

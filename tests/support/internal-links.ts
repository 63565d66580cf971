import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readBuiltPage } from './built-page.ts';

/**
 * Links of a built page that lead nowhere on the site: to a page the build did not write, or to a
 * `#fragment` that is no id on the page it points at. Reads the HTML as published, so it also covers
 * what no Markdown link checker sees: the landing page's outline, the hero button, the sidebar, the
 * pagination.
 */
export function deadInternalLinks(siteDir: string, route: string, base = '/'): string[] {
	const page = readBuiltPage(route, siteDir);
	const pageUrl = new URL(`https://site.invalid${base}${route}`);
	const dead: string[] = [];
	for (const anchor of page.selectAll('a[href]')) {
		const href = String(anchor.properties.href);
		const target = new URL(href, pageUrl);
		if (target.origin !== pageUrl.origin) continue;
		if (!target.pathname.startsWith(base)) {
			dead.push(`/${route}: ${href} is outside the base path ${base}`);
			continue;
		}
		const path = target.pathname.slice(base.length);
		const file = path === '' || path.endsWith('/') ? join(siteDir, path, 'index.html') : join(siteDir, path);
		if (!existsSync(file)) {
			dead.push(`/${route}: ${href} leads to no page`);
			continue;
		}
		const fragment = decodeURIComponent(target.hash.slice(1));
		if (fragment === '' || fragment === 'top' || !file.endsWith('.html')) continue;
		const targetPage = readBuiltPage(file.slice(siteDir.length), siteDir);
		if (!targetPage.select(`[id="${fragment.replace(/"/g, '\\"')}"]`)) dead.push(`/${route}: ${href} points at no section of that page`);
	}
	return dead;
}

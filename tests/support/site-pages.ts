import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { course } from '../../src/course.ts';

/**
 * The pages a build published, as routes relative to the base path ('' for the landing page,
 * 'lessons/x/' for a lesson), read from its sitemap: the list search engines get, so a page missing
 * from it is missing for learners too.
 */
export function sitemapRoutes(siteDir: string, base = '/'): string[] {
	const sitemaps = readdirSync(siteDir).filter((name) => /^sitemap-\d+\.xml$/.test(name));
	return sitemaps.flatMap((name) =>
		[...readFileSync(join(siteDir, name), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => {
			const pathname = new URL(match[1]!).pathname;
			if (!pathname.startsWith(base)) throw new Error(`${name}: ${pathname} is outside the base path ${base}`);
			return pathname.slice(base.length);
		}),
	);
}

/** Whether a route is a lesson's. */
export function isLessonRoute(route: string): boolean {
	return route.startsWith(`${course.lessonsDirectory}/`);
}

/** Every lesson the build published. */
export function lessonRoutes(siteDir: string, base = '/'): string[] {
	return sitemapRoutes(siteDir, base).filter(isLessonRoute);
}

/** Every page a learner can land on: the sitemap's, and the 404 page. */
export function allPages(siteDir: string, base = '/'): string[] {
	return [...sitemapRoutes(siteDir, base), '404.html'];
}

import { statSync } from 'node:fs';
import { join } from 'node:path';
import { readBuiltPage } from './built-page.ts';
import { kb, measureFirstLoad } from './first-load.ts';
import { isLessonRoute } from './site-pages.ts';

/**
 * First-load budgets, gzip as a static host sends it (HTML, CSS and JS before any interaction;
 * images have their own budget): a lesson, with its knowledge checks and the learner's progress, and
 * every other page (the course overview, the 404 page). Default Starlight sends 49.6 KB for the same
 * lesson, 28 KB of which is Pagefind's UI fetched after load. A change that needs more says why in
 * its commit and raises the budget here.
 */
export const firstLoadBudget = { lesson: 24_000, other: 18_000 } as const;

/** Image budgets: what a learner downloads for one image, and for all the images of a lesson. */
export const imageBudget = { perImage: 80 * 1024, perLesson: 200 * 1024 } as const;

/** Why a page's first load is over its budget, or nothing. */
export function firstLoadProblem(siteDir: string, route: string, base = '/'): string | undefined {
	const firstLoad = measureFirstLoad(siteDir, route, base);
	const budget = isLessonRoute(route) ? firstLoadBudget.lesson : firstLoadBudget.other;
	if (firstLoad.total.gzip <= budget) return undefined;
	const heaviest = [...firstLoad.resources].sort((a, b) => b.gzip - a.gzip).slice(0, 3);
	return `/${route}: first load ${firstLoad.total.gzip} B gzip, over its ${budget} B budget (heaviest: ${heaviest.map((r) => `${r.path} ${kb(r.gzip)} KB`).join(', ')})`;
}

/** The files a page's content images are served from, with their sizes. */
export function contentImages(siteDir: string, route: string, base = '/') {
	const page = readBuiltPage(route, siteDir);
	return page.selectAll('.sl-markdown-content img').map((img) => {
		const src = String(img.properties.src);
		const path = new URL(src, `https://site.invalid${base}${route}`).pathname;
		return { src, bytes: statSync(join(siteDir, path.slice(base.length))).size };
	});
}

/** Why a lesson's images are over the image budget: each one too heavy, and the lesson's total. */
export function imageBudgetProblems(siteDir: string, route: string, base = '/'): string[] {
	const images = contentImages(siteDir, route, base);
	const problems = images
		.filter((image) => image.bytes > imageBudget.perImage)
		.map((image) => `/${route}: ${image.src} is ${image.bytes} B, over the ${imageBudget.perImage} B budget of one image`);
	const total = images.reduce((sum, image) => sum + image.bytes, 0);
	if (total > imageBudget.perLesson) problems.push(`/${route}: its images total ${total} B, over the ${imageBudget.perLesson} B budget of a lesson`);
	return problems;
}

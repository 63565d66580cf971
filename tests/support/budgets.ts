import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseSrcset } from 'srcset';
import { columnWidth } from '../../src/images/variants.ts';
import { readBuiltPage } from './built-page.ts';
import { kb, type FirstLoad } from './first-load.ts';
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

/** A page's first-load budget: a lesson's, or every other page's. */
export function firstLoadBudgetFor(route: string): number {
	return isLessonRoute(route) ? firstLoadBudget.lesson : firstLoadBudget.other;
}

/** Why a page's measured first load is over its budget, or nothing. */
export function firstLoadProblem(route: string, firstLoad: FirstLoad): string | undefined {
	const budget = firstLoadBudgetFor(route);
	if (firstLoad.total.gzip <= budget) return undefined;
	const heaviest = [...firstLoad.resources].sort((a, b) => b.gzip - a.gzip).slice(0, 3);
	return `/${route}: first load ${firstLoad.total.gzip} B gzip, over its ${budget} B budget (heaviest: ${heaviest.map((r) => `${r.path} ${kb(r.gzip)} KB`).join(', ')})`;
}

/**
 * The file each content image of a page is served from to a laptop at pixel ratio 2, with its
 * size: in a <picture>, the first source (the drawn SVG, or the AVIF copy at twice the width it is
 * shown at in the lesson's column, or the widest there is); otherwise the image's own file. What a browser that ignores <source>
 * fetches is measured in the browser (tests/browser/image-weight.test.ts).
 */
export function contentImages(siteDir: string, route: string, base = '/') {
	const page = readBuiltPage(route, siteDir);
	const fileOf = (url: string) => join(siteDir, decodeURI(new URL(url, `https://site.invalid${base}${route}`).pathname.slice(base.length)));
	return page.selectAll('.sl-markdown-content img').map((img) => {
		let src = String(img.properties.src);
		const source = page.select(`picture:has(> img[src="${src}"]) > source`);
		if (source) {
			const wanted = 2 * Math.min(Number(img.properties.width), columnWidth);
			const candidates = parseSrcset(String(source.properties.srcSet))
				.map(({ url, width }) => ({ url, width: width ?? Infinity }))
				.sort((a, b) => a.width - b.width);
			src = (candidates.find((candidate) => candidate.width >= wanted) ?? candidates.at(-1)!).url;
		}
		return { src, bytes: statSync(fileOf(src)).size };
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

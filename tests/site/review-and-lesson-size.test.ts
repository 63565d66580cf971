import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureFirstLoad } from '../support/first-load.ts';
import { readBuiltPage } from '../support/built-page.ts';
import { builtSiteDir } from '../support/paths.ts';
import { allPages, lessonRoutes } from '../support/site-pages.ts';

const lessons = lessonRoutes(builtSiteDir);
const sizeLine = /^(\d+) min read(?:, (\d+) questions?)?$/;

describe('each lesson\'s size, computed at build', () => {
	const overview = readBuiltPage('');
	it.each(lessons)('/%s says its reading time and its number of questions, as the overview does', (route) => {
		const page = readBuiltPage(route);
		const line = page.select('.sl-markdown-content .lesson-size');
		const match = sizeLine.exec(page.text(line!).trim());
		expect(match, route).not.toBeNull();
		expect(Number(match![1])).toBeGreaterThanOrEqual(1);
		expect(Number(match![2] ?? 0)).toBe(page.selectAll('knowledge-check').length);
		const card = overview.select(`.lesson-card[data-lesson="${route.replace(/\/$/, '')}"]`);
		expect(overview.text(overview.select('.lesson-card__size', card!)!)).toBe(page.text(line!));
	});

	it('gives a longer lesson a longer reading time', () => {
		const minutes = lessons.map((route) => {
			const page = readBuiltPage(route);
			const words = page.text(page.select('.sl-markdown-content')!).split(/\s+/).length;
			return { words, minutes: Number(sizeLine.exec(page.text(page.select('.lesson-size')!).trim())![1]) };
		});
		const [shortest, longest] = [...minutes].sort((a, b) => a.words - b.words).filter((_, i, all) => i === 0 || i === all.length - 1);
		if (longest && shortest && longest.words > 3 * shortest.words) expect(longest.minutes).toBeGreaterThan(shortest.minutes);
	});
});

describe('review scheduling stays out of first loads', () => {
	it.each(allPages(builtSiteDir))('/%s loads no scheduler before the learner answers', (route) => {
		for (const resource of measureFirstLoad(builtSiteDir, route).resources.filter((r) => r.type === 'js')) {
			const code = readFileSync(join(builtSiteDir, resource.path), 'utf8');
			// ts-fsrs's parameter names, which minification keeps.
			expect(code, resource.path).not.toMatch(/request_retention|maximum_interval/);
		}
	});

	it('the Review page lists every lesson with its checks, as the overview does', () => {
		const review = readBuiltPage('review/');
		const built = JSON.parse(String(review.select('review-session')!.properties.dataLessons)) as { id: string; checkKeys: string[] }[];
		const overview = readBuiltPage('');
		const cards = overview.selectAll('.lesson-card[data-lesson]').map((card) => ({
			id: String(card.properties.dataLesson),
			checkKeys: String(card.properties.dataChecks).split(' ').filter(Boolean),
		}));
		expect(built.map(({ id, checkKeys }) => ({ id, checkKeys }))).toEqual(cards);
	});
});

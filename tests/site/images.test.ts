import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readBuiltPage } from '../support/built-page.ts';
import { builtSiteDir, lessonSource } from '../support/paths.ts';

/** Budgets for what a learner downloads: one diagram, and all the images of the lesson. */
const maxImageBytes = 80 * 1024;
const maxLessonImageBytes = 200 * 1024;

const page = readBuiltPage('lessons/automate-deployment');
const images = page.selectAll('.sl-markdown-content img');
const source = readFileSync(lessonSource, 'utf8');

describe('the lesson images', () => {
	it('are the four diagrams the lesson references', () => {
		expect(images.map((img) => String(img.properties.src))).toEqual([
			'/img/ci-cd.png',
			'/img/teams.png',
			'/img/data-model.png',
			'/img/non-func-reqs.png',
		]);
	});

	it.each(images.map((img) => [String(img.properties.src), img] as const))('%s: has its display size, so nothing shifts as it loads', async (src, img) => {
		const meta = await sharp(join(builtSiteDir, src)).metadata();
		expect(Number(img.properties.width)).toBe(meta.width / 2);
		expect(Number(img.properties.height)).toBe(meta.height / 2);
	});

	it('loads only the first image at once, and the rest when scrolled near, decoding off the main thread', () => {
		expect(images.map((img) => img.properties.loading)).toEqual(['eager', 'lazy', 'lazy', 'lazy']);
		for (const img of images) expect(img.properties.decoding).toBe('async');
	});

	it.each(images.map((img) => [String(img.properties.src), img] as const))('%s: has alt text that describes it', (_, img) => {
		const alt = String(img.properties.alt ?? '');
		// Longer than a title: the source's "Ci/CD" or "Non Func Reqs" told a blind learner nothing.
		expect(alt.length).toBeGreaterThan(80);
	});

	it('keeps the lesson source referencing images from the site root', () => {
		for (const path of ['/img/ci-cd.png', '/img/teams.png', '/img/data-model.png', '/img/non-func-reqs.png']) {
			expect(source).toContain(`](${path})`);
		}
	});

	it(`keeps each image within ${maxImageBytes / 1024} KB and all of them within ${maxLessonImageBytes / 1024} KB`, () => {
		const sizes = images.map((img) => statSync(join(builtSiteDir, String(img.properties.src))).size);
		for (const [i, size] of sizes.entries()) expect(size, String(images[i]!.properties.src)).toBeLessThanOrEqual(maxImageBytes);
		expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(maxLessonImageBytes);
	});
});

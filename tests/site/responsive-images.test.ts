import { describe, expect, it } from 'vitest';
import { imageMarkupProblems } from '../support/lesson-images.ts';
import { lessonRoutes } from '../support/site-pages.ts';
import { builtSiteDir } from '../support/paths.ts';

const routes = lessonRoutes(builtSiteDir);

describe('the images of every lesson', () => {
	it('are found in the build', () => {
		expect(routes.length).toBeGreaterThan(0);
	});

	it.each(routes)('%s: each is a zoom button holding a <picture> whose every file is in the build at its width', async (route) => {
		expect(await imageMarkupProblems(builtSiteDir, route)).toEqual([]);
	});
});

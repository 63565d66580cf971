import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { browserSkipReason, newContext, noBrowser, screenshotsDir, useBrowserAndServer, watchProblems } from '../support/browser.ts';
import { courseFixture } from '../support/course-fixture.ts';
import { auditPage, type PageAudit } from '../support/page-audit.ts';
import { builtSiteDir } from '../support/paths.ts';
import { allPages } from '../support/site-pages.ts';

const dist = inject('courseFixtureDist');
const { base } = courseFixture;

/**
 * The fixture course in the browser, served under its base path: the audit that runs over every
 * page of the site finds the faulty lesson's unreadable sentence and names that lesson, and nothing
 * on the other lessons the fixture adds; search fetches everything under the base path.
 */
describe.skipIf(noBrowser)(`the fixture course in the browser${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	const fixture = useBrowserAndServer(() => dist, base);

	// Pages the site build has too are audited in every theme and width by pages.test.ts.
	it('the page audit finds the low-contrast sentence of the faulty lesson, and no fault on the other new pages', async () => {
		const sitePages = new Set(allPages(builtSiteDir));
		const newPages = allPages(dist, base).filter((route) => !sitePages.has(route));
		expect(newPages).toContain(courseFixture.faultyLesson.route);
		const audits: PageAudit[] = [];
		const { browser, server } = fixture;
		for (const route of newPages) audits.push(await auditPage(browser, server.url, route, { theme: 'light', width: 1280 }));
		const faulty = audits.filter((audit) => audit.axeViolations.length > 0);
		expect(faulty.map((audit) => audit.route)).toEqual([courseFixture.faultyLesson.route]);
		expect(faulty[0]!.axeViolations.map((violation) => violation.rule)).toContain('color-contrast');
		for (const audit of audits) {
			expect(audit.consoleErrors, audit.route).toEqual([]);
			expect(audit.failedRequests, audit.route).toEqual([]);
			expect(audit.brokenImages, audit.route).toEqual([]);
			expect(audit.imagesWithoutSize, audit.route).toEqual([]);
		}
	});

	it('search finds a lesson and opens it, in dark mode, fetching everything under the base path', async () => {
		const { browser, server } = fixture;
		const context = await newContext(browser, { width: 1280, theme: 'dark' });
		const page = await context.newPage();
		// CSP violations are console errors (see newContext): the policy must hold under the base path too.
		const problems = watchProblems(page);
		const failed: string[] = [];
		const requested: string[] = [];
		page.on('request', (request) => requested.push(new URL(request.url()).pathname));
		page.on('response', (response) => {
			if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
		});
		await page.goto(server.url);
		await page.getByRole('button', { name: 'Search' }).click();
		const input = page.locator('site-search dialog').getByRole('textbox', { name: 'Search' });
		await input.fill('slug');
		const result = page.locator('.pagefind-ui__result-link', { hasText: 'Moved Lesson' }).first();
		await result.waitFor();

		// The dialog follows the dark theme: light text on a dark field.
		const colours = await input.evaluate((el) => {
			const style = getComputedStyle(el);
			return { text: style.color, background: style.backgroundColor };
		});
		expect(colours.background, 'the search field has its own background').not.toMatch(/,\s*0\)$/);
		expect(luminance(colours.text), JSON.stringify(colours)).toBeGreaterThan(luminance(colours.background));

		await page.screenshot({ path: join(screenshotsDir, 'search-dark-1280-base-path.png') });
		expect(await result.getAttribute('href')).toMatch(new RegExp(`^${base}${courseFixture.movedLesson.route}`));
		await result.click();
		await page.waitForURL(`**${base}${courseFixture.movedLesson.route}**`);
		await context.close();

		expect(failed).toEqual([]);
		expect(problems.consoleErrors).toEqual([]);
		expect(requested.filter((path) => !path.startsWith(base))).toEqual([]);
		expect(requested.some((path) => path.includes('/pagefind/'))).toBe(true);
	});
});

/** Relative luminance of an `rgb(...)`/`rgba(...)` colour, enough to tell light from dark. */
function luminance(colour: string): number {
	const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

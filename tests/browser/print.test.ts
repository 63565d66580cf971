import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, noBrowser, screenshotsDir, siteUrl, themes, useFreshContexts } from '../support/browser.ts';
import { builtSiteDir } from '../support/paths.ts';
import { lessonRoutes } from '../support/site-pages.ts';

/** Relative luminance of a CSS rgb() colour, 0 (black) to 1 (white). */
function luminance(color: string): number {
	const [r, g, b] = color.match(/[\d.]+/g)!.slice(0, 3).map((value) => {
		const channel = Number(value) / 255;
		return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/**
 * Every lesson as the printer gets it (print media emulated), in each theme: the lesson alone
 * across the page, link targets written out, diagrams and table rows kept whole, "coming soon" as
 * a short note, dark text on white, and the knowledge checks as a handout with the key at the end.
 */
describe.skipIf(noBrowser)(`a printed lesson${noBrowser ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
	const contexts = useFreshContexts();

	for (const theme of themes) {
		for (const route of lessonRoutes(builtSiteDir)) {
			it(`/${route} in ${theme} mode prints the lesson alone, dark on white`, async () => {
				const { page, problems } = await contexts.page({ theme });
				await page.goto(new URL(route, siteUrl).href);
				await page.emulateMedia({ media: 'print' });
				const printed = await page.evaluate(() => {
					const visible = (element: Element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
					const content = document.querySelector('.sl-markdown-content')!;
					const top = (element: Element) => element.getBoundingClientRect().top;
					const answers = [...content.querySelectorAll('.kc-answer')];
					const otherItems = [...content.children].filter((child) => child.tagName !== 'KNOWLEDGE-CHECK' && visible(child));
					const externalLinks = [...content.querySelectorAll<HTMLAnchorElement>('a[href^="http"]')];
					return {
						controls: ['header', 'site-search', 'starlight-theme-select', 'nav.sidebar', '.right-sidebar-container', 'mobile-starlight-toc', 'lesson-progress', 'footer', '.kc-actions', '.pagination-links']
							.filter((selector) => [...document.querySelectorAll(selector)].some(visible)),
						contentWidth: content.getBoundingClientRect().width,
						pageWidth: document.documentElement.clientWidth,
						text: getComputedStyle(document.body).color,
						background: getComputedStyle(document.body).backgroundColor,
						linksWithoutUrl: externalLinks.filter((link) => !getComputedStyle(link, '::after').content.includes(link.href.replace(/\/$/, ''))).map((link) => link.href),
						unsplittable: [...content.querySelectorAll('picture, tr')].map((element) => getComputedStyle(element).breakInside),
						comingSoon: [...content.querySelectorAll('.coming-soon')].map((note) => getComputedStyle(note).borderTopStyle),
						// Computed styles give counter() unresolved: each legend counts one and shows the count.
						questions: [...content.querySelectorAll('legend')].map((legend) => `${getComputedStyle(legend).counterIncrement} ${getComputedStyle(legend, '::before').content}`),
						answersShown: answers.every((answer) => (answer.querySelector('.kc-key') as HTMLElement).offsetHeight > 0),
						answersAfterLesson: answers.every((answer) => otherItems.every((item) => top(answer) >= item.getBoundingClientRect().bottom - 1)),
						answerKeyTitle: answers[0] ? getComputedStyle(answers[0], '::before').content : 'none',
						answers: answers.length,
					};
				});
				expect(printed.controls).toEqual([]);
				expect(printed.contentWidth).toBeGreaterThan(0.9 * printed.pageWidth);
				expect(luminance(printed.text)).toBeLessThan(0.05);
				expect(luminance(printed.background)).toBeGreaterThan(0.95);
				expect(printed.linksWithoutUrl).toEqual([]);
				expect(new Set(printed.unsplittable)).toEqual(printed.unsplittable.length > 0 ? new Set(['avoid']) : new Set());
				expect(printed.comingSoon.every((style) => style === 'none')).toBe(true);
				// The numbers themselves are read back from the PDF (module-pdf.test.ts).
				for (const question of printed.questions) expect(question).toBe('q 1 "Question " counter(q) ". "');
				if (printed.answers > 0) {
					expect(printed.answersShown).toBe(true);
					expect(printed.answersAfterLesson).toBe(true);
					expect(printed.answerKeyTitle).toBe('"Answer key"');
				}
				expect(problems.consoleErrors).toEqual([]);
				mkdirSync(screenshotsDir, { recursive: true });
				await page.screenshot({ path: join(screenshotsDir, `print-${theme}-${route.replace(/\W+/g, '-').replace(/-$/, '')}.png`), fullPage: true });
			});
		}
	}
});

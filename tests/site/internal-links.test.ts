import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuiltPage } from '../support/built-page.ts';
import { buildFixtureSite } from '../support/fixture-site.ts';
import { builtSiteDir } from '../support/paths.ts';

/** A lesson page whose body carries one link, for the validator to judge. */
function lessonWithLink(link: string) {
	return `---\ntitle: Links\n---\n\n## A section\n\nSee [the other page](${link}).\n`;
}

/** Where a relative link on a page leads, as a file of the built site. */
function builtFileFor(pageRoute: string, href: string, siteDir: string, base = '/') {
	const pathname = new URL(href, `https://example.org${base}${pageRoute}`).pathname;
	expect(pathname.startsWith(base), `${href} leaves the base path`).toBe(true);
	return join(siteDir, pathname.slice(base.length), 'index.html');
}

describe('internal link validation at build', () => {
	it('fails the build on a link to a page that does not exist, naming the page and the link', async () => {
		const result = await buildFixtureSite('broken-page-link', {
			'src/content/docs/lessons/links.mdx': lessonWithLink('/lessons/no-such-lesson/'),
		});
		expect(result.code).not.toBe(0);
		expect(result.output).toContain('lessons/links.mdx');
		expect(result.output).toContain('/lessons/no-such-lesson/');
		expect(result.output).toContain('invalid link');
	});

	it('fails the build on a link to a section that does not exist, naming the page and the link', async () => {
		const result = await buildFixtureSite('broken-anchor-link', {
			'src/content/docs/lessons/links.mdx': lessonWithLink('/lessons/automate-deployment/#no-such-section'),
		});
		expect(result.code).not.toBe(0);
		expect(result.output).toContain('lessons/links.mdx');
		expect(result.output).toContain('/lessons/automate-deployment/#no-such-section');
		expect(result.output).toContain('invalid hash');
	});

	it('still catches a broken link under a base path', async () => {
		const result = await buildFixtureSite(
			'broken-link-base-path',
			{ 'src/content/docs/lessons/links.mdx': lessonWithLink('/lessons/automate-deployment/#no-such-section') },
			{ BASE_PATH: '/mlops-course/', SITE: 'https://example.github.io' },
		);
		expect(result.code).not.toBe(0);
		expect(result.output).toContain('lessons/links.mdx');
		expect(result.output).toContain('#no-such-section');
	});

	it('leads the hero action, the one relative link the validator is told to skip, to the lesson', () => {
		const home = readBuiltPage('');
		const hrefs = home.selectAll('.hero a[href]').map((a) => String(a.properties.href));
		expect(hrefs).toContain('lessons/automate-deployment/');
		for (const href of hrefs) expect(existsSync(builtFileFor('', href, builtSiteDir)), href).toBe(true);
	});
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { course } from '../../../src/course.ts';
import { cmi5Manifest, launchPagePath, scormManifest } from '../../../src/lms/manifests.ts';
import { leftOut } from '../../../src/lms/package-lms.ts';
import { markerBase, packagePage, packageScript, packageStylesheet, relativeFrom } from '../../../src/lms/relative-urls.ts';
import { scormStatus, scormTime } from '../../../src/lms/runtime/scorm-values.ts';

const site = 'https://lms.invalid';
const page = (body: string, head = '') =>
	`<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('package pages', () => {
	it('make every address from the base relative, naming index.html, and load the bridge first', () => {
		const out = packagePage(
			page(
				`<a href="${markerBase}">home</a><a href="${markerBase}lessons/b/#part">b</a><img src="${markerBase}img/x.png" srcset="${markerBase}img/x.avif 1x, ${markerBase}img/x2.avif 2x" alt="">`,
				`<link rel="stylesheet" href="${markerBase}_astro/a.css"><link rel="canonical" href="${site}${markerBase}lessons/a/"><meta property="og:url" content="${site}${markerBase}">`,
			),
			{ path: 'lessons/a/index.html', site, headScripts: ['lms/page.js'] },
		);
		expect(out).toContain('<meta charset="utf-8"><script src="../../lms/page.js"></script>');
		expect(out).toContain('href="../../index.html"');
		expect(out).toContain('href="../b/index.html#part"');
		expect(out).toContain('src="../../img/x.png"');
		expect(out).toContain('srcset="../../img/x.avif 1x, ../../img/x2.avif 2x"');
		expect(out).toContain('href="../../_astro/a.css"');
		expect(out).not.toMatch(/canonical|og:url/);
	});

	it('leave out what is marked data-lms-omit, and open links out in a new tab', () => {
		const out = packagePage(page('<p>kept</p><div data-lms-omit><a href="/x">offline</a></div><a href="https://example.org/">out</a>'), {
			path: 'index.html',
			site,
			headScripts: [],
		});
		expect(out).toContain('kept');
		expect(out).not.toContain('offline');
		expect(out).toContain('<a href="https://example.org/" target="_blank" rel="noopener">');
	});

	it('stop the packaging at anything loaded from outside, naming the page', () => {
		expect(() => packagePage(page('<script src="https://cdn.example/x.js"></script>'), { path: 'lessons/a/index.html', site, headScripts: [] })).toThrow(
			/lessons\/a\/index\.html: <script src="https:\/\/cdn\.example\/x\.js"> loads from outside/,
		);
	});

	it('make stylesheets relative and scripts read the base at run time', () => {
		expect(packageStylesheet(`a{background:url(${markerBase}img/x.svg)}`, '_astro/a.css')).toBe('a{background:url(../img/x.svg)}');
		expect(packageScript('const b=`' + markerBase + '_astro/x.css`', '_astro/y.js')).toBe('const b=`${self.lmsRoot}_astro/x.css`');
		expect(packageScript('const k=`key:' + markerBase + '`', '_astro/y.js')).toBe('const k=`key:${self.lmsRoot}`');
		// A base joined to other text in a quoted string: the string is split around it.
		expect(packageScript(`const k="key:${markerBase}",j='a${markerBase}b\\'c'`, '_astro/y.js')).toBe(`const k="key:"+self.lmsRoot+"",j='a'+self.lmsRoot+'b\\'c'`);
		expect(() => packageScript(`const b=/${markerBase.slice(1)}x/`, '_astro/y.js')).toThrow(/_astro\/y\.js/);
		expect(relativeFrom('index.html', 'lessons/a/')).toBe('lessons/a/index.html');
	});

	it('leave out the host settings, the site map, a service worker and the Review page', () => {
		for (const path of ['_headers', 'sw.js', 'sitemap-index.xml', 'sitemap-0.xml', '_astro/a.js.map', 'review/index.html']) expect(leftOut(path)).toBe(true);
		for (const path of ['index.html', '_astro/a.js', 'pagefind/pagefind.js', 'lessons/review/index.html']) expect(leftOut(path)).toBe(false);
	});
});

describe('SCORM values', () => {
	it('never take a status back: complete stays complete, passed stays passed', () => {
		expect(scormStatus('not attempted', false, undefined)).toBe('incomplete');
		expect(scormStatus('incomplete', true, undefined)).toBe('completed');
		expect(scormStatus('completed', false, undefined)).toBe('completed');
		expect(scormStatus('completed', false, true)).toBe('passed');
		expect(scormStatus('failed', false, false)).toBe('failed');
		expect(scormStatus('failed', true, true)).toBe('passed');
		expect(scormStatus('passed', false, false)).toBe('passed');
		expect(scormStatus('incomplete', true, false)).toBe('failed');
	});

	it('write session time as CMITimespan', () => {
		expect(scormTime(0)).toBe('0000:00:00.00');
		expect(scormTime(3_723_450)).toBe('0001:02:03.45');
	});
});

describe('launch scripts', () => {
	const source = (name: string) => readFileSync(new URL(`../../../src/lms/runtime/${name}`, import.meta.url), 'utf8');
	it('share retries and the launch page, and never import each other', () => {
		for (const [file, other] of [['scorm.ts', 'cmi5'], ['cmi5.ts', 'scorm']] as const) {
			const text = source(file);
			expect(text).toMatch(/from '\.\/retry\.ts'/);
			expect(text).toMatch(/from '\.\/launch-page\.ts'/);
			expect(text).not.toMatch(new RegExp(`from '\\./${other}`));
		}
	});

	it('export no two things of the same name', () => {
		const dir = new URL('../../../src/lms/', import.meta.url);
		const names = readdirSync(dir, { recursive: true, encoding: 'utf8' })
			.filter((file) => file.endsWith('.ts'))
			.flatMap((file) => [...readFileSync(join(dir.pathname, file), 'utf8').matchAll(/^export (?:async )?(?:function|const|type|interface|class) (\w+)/gm)].map((match) => match[1]!));
		expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
	});
});

describe('manifests', () => {
	const map = { identifier: course.lms.identifier, title: 'A & B', passMark: 0.8, lessons: [] };
	it('name the module by the identifier in src/course.ts, launch the launch page, and carry the pass mark', () => {
		const scorm = scormManifest(map, ['index.html', launchPagePath]);
		expect(scorm).toContain(`<manifest identifier="${course.lms.identifier}"`);
		expect(scorm).toContain('<schemaversion>1.2</schemaversion>');
		expect(scorm).toContain(`adlcp:scormtype="sco" href="${launchPagePath}"`);
		expect(scorm).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
		expect(scorm).toContain('<title>A &#38; B</title>');
		expect(scorm).toContain('<file href="index.html"/>');
		const cmi5 = cmi5Manifest(map, 'About');
		expect(cmi5).toContain(`<url>${launchPagePath}</url>`);
		expect(cmi5).toMatch(/moveOn="CompletedAndPassed" masteryScore="0.8"/);
		expect(scormManifest(map, [])).toBe(scormManifest(map, []));
		expect(cmi5Manifest({ ...map, passMark: undefined }, 'About')).toMatch(/moveOn="Completed" launchMethod/);
	});
});

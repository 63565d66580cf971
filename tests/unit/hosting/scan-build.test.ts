import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanBuild, type BuildScan } from '../../../src/hosting/scan-build.ts';
import { writeFiles } from '../../support/write-files.ts';

const page = `<!doctype html><html><head>
<script>window.classic = 1;</script>
<script type="module">import "/_astro/a.js";</script>
<script type="importmap">{"imports":{}}</script>
<script type="application/ld+json">{"@type":"Course"}</script>
<script type="application/json" id="data">{"a":1}</script>
<script src="/_astro/b.js"></script>
<script src="https://cdn.example.net/x.js"></script>
<link rel="stylesheet" href="https://fonts.example.org/a.css">
<style>p { color: red }</style>
</head><body>
<p style="--depth: 0;">Text</p>
<img src="data:image/png;base64,AAAA" alt="">
<picture><source srcset="https://img.example.com/a.avif 1x, /img/b.avif 2x"><img src="/img/b.png" alt=""></picture>
<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>
<svg><style>.s { fill: blue }</style><rect style="fill: red"/></svg>
</body></html>`;

let dir: string;
let scan: BuildScan;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'scan-build-'));
	const files: Record<string, string> = {
		'index.html': page,
		'lessons/a/index.html': '<!doctype html><script>window.classic = 1;</script><p style="--depth: 1;">A</p>',
		'_astro/common.css': 'a { mask-image: url("data:image/svg+xml,%3Csvg%3E%3C/svg%3E") }',
		'_astro/a.js': 'export {}',
		_headers: '/*\n  X-A: b\n',
	};
	writeFiles(dir, files);
	scan = scanBuild(dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scanBuild', () => {
	it('lists every file visitors can ask for, with / separators, and leaves out the host\'s _headers', () => {
		expect(scan.files).toEqual(['_astro/a.js', '_astro/common.css', 'index.html', 'lessons/a/index.html']);
	});

	it('collects each inline script the browser checks against script-src, once', () => {
		expect([...scan.inlineScripts].sort()).toEqual(['import "/_astro/a.js";', 'window.classic = 1;', '{"imports":{}}'].sort());
	});

	it('leaves out data blocks, which are never run', () => {
		const scripts = [...scan.inlineScripts].join('\n');
		expect(scripts).not.toContain('Course');
		expect(scripts).not.toContain('"a":1');
	});

	it('collects <style> elements of HTML and of inline SVG', () => {
		expect([...scan.inlineStyles].sort()).toEqual(['.s { fill: blue }', 'p { color: red }']);
	});

	it('records the style attributes it found', () => {
		expect([...scan.styleAttributes].sort()).toEqual(['--depth: 0;', '--depth: 1;', 'fill: red']);
	});

	it('finds the external origins the markup loads from, by directive', () => {
		expect(scan.sources['script-src']).toEqual(new Set(['https://cdn.example.net']));
		expect(scan.sources['style-src-elem']).toEqual(new Set(['https://fonts.example.org']));
		expect(scan.sources['frame-src']).toEqual(new Set(['https://www.youtube-nocookie.com']));
		expect(scan.sources['img-src']).toEqual(new Set(['data:', 'https://img.example.com']));
	});

	it('notices data: images in stylesheets alone', () => {
		rmSync(join(dir, 'index.html'));
		expect(scanBuild(dir).sources['img-src']).toEqual(new Set(['data:']));
		writeFileSync(join(dir, 'index.html'), page);
	});
});

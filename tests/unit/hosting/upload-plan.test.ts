import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheControl } from '../../../src/hosting/header-rules.ts';
import { contentTypeOf, planDeploy, readSiteFiles, uploadPhases, type BucketObject, type SiteFile } from '../../../src/hosting/upload-plan.ts';
import { fixtureFiles, writeFixtureSite } from './site-fixture.ts';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function site(base = '/'): SiteFile[] {
	const dir = writeFixtureSite(fixtureFiles, base);
	dirs.push(dir);
	return readSiteFiles(dir, base);
}

/** The bucket as a deploy of `files` left it, with `changes` applied (undefined removes a key). */
function bucketAfter(files: SiteFile[], changes: Record<string, string | undefined> = {}): BucketObject[] {
	const objects = new Map(files.map((file) => [file.key, `"${file.md5}"`]));
	for (const [key, etag] of Object.entries(changes)) {
		if (etag === undefined) objects.delete(key);
		else objects.set(key, etag);
	}
	return [...objects].map(([key, etag]) => ({ key, etag }));
}

describe('readSiteFiles', () => {
	it('gives each file the Cache-Control of _headers, its content type and MD5', () => {
		const files = site();
		const byKey = Object.fromEntries(files.map((file) => [file.key, file]));
		expect(Object.keys(byKey).sort()).toEqual(Object.keys(fixtureFiles).sort());
		expect(byKey['_astro/app.1234.js']).toMatchObject({ cacheControl: cacheControl.immutable, contentType: 'text/javascript; charset=utf-8' });
		expect(byKey['lessons/a/index.html']).toMatchObject({ cacheControl: cacheControl.revalidate, contentType: 'text/html; charset=utf-8' });
		expect(byKey['img/teams.png']!.contentType).toBe('image/png');
		expect(byKey['index.html']!.md5).toBe(md5(fixtureFiles['index.html']));
	});

	it('puts the files under the base path, whose rules it reads', () => {
		const files = site('/mlops-course/');
		expect(files.map((file) => file.key)).toContain('mlops-course/_astro/app.1234.js');
		expect(files.find((file) => file.key === 'mlops-course/_astro/app.1234.js')!.cacheControl).toBe(cacheControl.immutable);
	});

	it('stops when _headers does not cover a file', () => {
		const dir = writeFixtureSite(fixtureFiles, '/other/');
		dirs.push(dir);
		expect(() => readSiteFiles(dir, '/')).toThrow(/No Cache-Control in .*_headers for \/404\.html/);
	});
});

describe('contentTypeOf', () => {
	it('names text as UTF-8 and unknown files as bytes', () => {
		expect(contentTypeOf('a.css')).toBe('text/css; charset=utf-8');
		expect(contentTypeOf('favicon.svg')).toBe('image/svg+xml; charset=utf-8');
		expect(contentTypeOf('pagefind/wasm.en.pagefind')).toBe('application/octet-stream');
	});
});

describe('planDeploy', () => {
	const files = site();

	it('uploads hashed assets first, then other files, then pages, when the bucket is not known', () => {
		const plan = planDeploy(files, undefined);
		expect(plan.bucketKnown).toBe(false);
		expect(plan.uploads.map((upload) => [upload.phase, upload.key])).toEqual([
			['hashed assets', '_astro/app.1234.js'],
			['hashed assets', '_astro/site.5678.css'],
			['new files', 'img/teams.png'],
			['new files', 'pagefind/pagefind-entry.json'],
			['new files', 'sitemap-index.xml'],
			['pages', '404.html'],
			['pages', 'index.html'],
			['pages', 'lessons/a/index.html'],
			['service worker', 'sw.js'],
		]);
		expect(plan.invalidationPaths).toEqual([]);
		expect(plan.workerInvalidationPaths).toEqual([]);
		expect(plan.deletions).toEqual([]);
	});

	it('uploads nothing and invalidates nothing when the bucket already holds this build', () => {
		const plan = planDeploy(files, bucketAfter(files));
		expect(plan.uploads).toEqual([]);
		expect(plan.unchanged).toHaveLength(files.length);
		expect(plan.invalidationPaths).toEqual([]);
	});

	it('uploads what changed, invalidates what CloudFront may hold of it, and deletes pages no longer built', () => {
		const bucket = bucketAfter(files, {
			'_astro/app.1234.js': undefined, // a new hashed asset
			'pagefind/pagefind-entry.json': '"0000"', // changed
			'lessons/a/index.html': '"1111-2"', // a multipart ETag says nothing about the content
			'lessons/old/index.html': '"2222"', // a page no longer built
			'_astro/app.0000.js': '"3333"', // an asset no longer built
		});
		const plan = planDeploy(files, bucket);
		expect(plan.uploads.map((upload) => [upload.phase, upload.key, upload.reason])).toEqual([
			['hashed assets', '_astro/app.1234.js', 'new'],
			['changed files', 'pagefind/pagefind-entry.json', 'changed'],
			['pages', 'lessons/a/index.html', 'changed'],
		]);
		expect(plan.deletions).toEqual(['lessons/old/index.html']);
		expect(plan.kept).toEqual(['_astro/app.0000.js']);
		expect(plan.invalidationPaths).toEqual([
			'/lessons/a/',
			'/lessons/a/index.html',
			'/lessons/old/',
			'/lessons/old/index.html',
			'/pagefind/pagefind-entry.json',
		]);
	});

	it('never uploads a page before a file that is not a page', () => {
		const plan = planDeploy(files, bucketAfter(files, { 'index.html': '"0"', 'img/teams.png': '"0"', '_astro/site.5678.css': undefined }));
		const phases = plan.uploads.map((upload) => uploadPhases.indexOf(upload.phase));
		expect(phases).toEqual([...phases].sort());
		expect(plan.uploads.at(-1)!.key).toBe('index.html');
	});

	it('uploads the offline copy\'s worker last, and invalidates it apart, after the pages\' invalidation', () => {
		const plan = planDeploy(files, bucketAfter(files, { 'index.html': '"0"', 'sw.js': '"0"', 'img/teams.png': '"0"' }));
		expect(plan.uploads.map((upload) => upload.key)).toEqual(['img/teams.png', 'index.html', 'sw.js']);
		expect(plan.uploads.at(-1)!.phase).toBe('service worker');
		// Never in the first invalidation: a request for it in between would cache the old worker again.
		expect(plan.invalidationPaths).toEqual(['/', '/img/teams.png', '/index.html']);
		expect(plan.workerInvalidationPaths).toEqual(['/sw.js']);
		// Under a wildcard too, the worker is invalidated again after its upload.
		const all = planDeploy(files, bucketAfter(files), { all: true });
		expect(all.uploads.at(-1)!.key).toBe('sw.js');
		expect(all.invalidationPaths).toEqual(['/*']);
		expect(all.workerInvalidationPaths).toEqual(['/sw.js']);
	});

	it('puts the worker last under a base path too', () => {
		const based = site('/mlops-course/');
		const plan = planDeploy(based, undefined);
		expect(plan.uploads.at(-1)).toMatchObject({ key: 'mlops-course/sw.js', phase: 'service worker' });
	});

	it('invalidates everything with one path once more paths would be needed', () => {
		const changedPages = Object.fromEntries(files.filter((file) => file.key.endsWith('.html')).map((file) => [file.key, '"0"']));
		expect(planDeploy(files, bucketAfter(files, changedPages), { maxInvalidationPaths: 3 }).invalidationPaths).toEqual(['/*']);
		expect(planDeploy(files, bucketAfter(files, changedPages), { maxInvalidationPaths: 10 }).invalidationPaths).toHaveLength(5);
	});

	it('uploads every file when asked, after header rules change', () => {
		const plan = planDeploy(files, bucketAfter(files), { all: true });
		expect(plan.uploads).toHaveLength(files.length);
		expect(new Set(plan.uploads.map((upload) => upload.reason))).toEqual(new Set(['all files asked for']));
		expect(plan.invalidationPaths).toEqual(['/*']);
	});

	it('leaves alone what lies outside the base path', () => {
		const based = site('/mlops-course/');
		const plan = planDeploy(based, [...bucketAfter(based), { key: 'other-site/index.html', etag: '"9"' }]);
		expect(plan.deletions).toEqual([]);
		expect(plan.kept).toEqual([]);
	});
});

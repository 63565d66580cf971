import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lookup } from 'mrmime';
import { normalizeBase } from '../base-path.ts';
import { workerFile } from '../offline/names.ts';
import { cacheControl } from './header-rules.ts';
import { headersForPath, parseHeadersFile } from './headers-file.ts';
import { listBuiltFiles } from './scan-build.ts';
import { urlPathsOf } from './site-headers.ts';

/** A built file as it goes to the bucket. */
export interface SiteFile {
	/** Path in the output folder (`lessons/a/index.html`). */
	file: string;
	/** Object key: the file under the base path (`mlops-course/lessons/a/index.html`). */
	key: string;
	md5: string;
	cacheControl: string;
	contentType: string;
}

/** An object already in the bucket, as `aws s3api list-objects-v2` lists it. */
export interface BucketObject {
	key: string;
	etag: string;
}

/**
 * The offline copy's worker goes up last, once the pages are up and CloudFront no longer holds the
 * old ones: a learner's browser that fetched the new worker earlier would precache the old pages
 * under the new revisions, and keep them until the next deploy.
 */
export const uploadPhases = ['hashed assets', 'new files', 'changed files', 'pages', 'service worker'] as const;
export type UploadPhase = (typeof uploadPhases)[number];

export interface Upload extends SiteFile {
	phase: UploadPhase;
	reason: 'new' | 'changed' | 'all files asked for';
}

export interface DeployPlan {
	/** In upload order: phase by phase, keys sorted within a phase. */
	uploads: Upload[];
	unchanged: string[];
	/** CloudFront paths to invalidate after the pages are up; `/*` when there are too many. */
	invalidationPaths: string[];
	/**
	 * Invalidated once the worker is up, after the paths above are: the worker's own paths, which a
	 * request between the first invalidation and its upload may have cached again.
	 */
	workerInvalidationPaths: string[];
	/** Pages no longer built: deleted, so that they answer 404. */
	deletions: string[];
	/** Other files no longer built: kept, since a page opened before the deploy may still fetch them. */
	kept: string[];
	/** False when the bucket's contents were not known (a dry run without a listing). */
	bucketKnown: boolean;
}

export interface PlanOptions {
	/** Upload every file, changed or not: after the header rules or content types change. */
	all?: boolean;
	/**
	 * More paths than this become one `/*`. CloudFront bills invalidation paths beyond the first
	 * 1,000 a month and counts a wildcard path as one: 30 a deploy keeps about 33 deploys a month free.
	 */
	maxInvalidationPaths?: number;
}

export const defaultMaxInvalidationPaths = 30;

const textTypes = /^(text\/|application\/(json|xml|javascript|manifest\+json)|image\/svg\+xml)/;

/** The Content-Type to store with a file; text is UTF-8, as Astro and Pagefind write it. */
export function contentTypeOf(file: string): string {
	const type = lookup(file) ?? 'application/octet-stream';
	return textTypes.test(type) ? `${type}; charset=utf-8` : type;
}

/**
 * The files of a build with the Cache-Control its `_headers` gives each (the rules the test server
 * and other hosts apply), their content type and MD5. A file no rule covers stops the deploy.
 */
export function readSiteFiles(dir: string, base: string): SiteFile[] {
	const rules = parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8'));
	const prefix = normalizeBase(base).slice(1);
	return listBuiltFiles(dir).map((file) => {
		const key = prefix + file;
		const value = headersForPath(rules, '/' + key)['Cache-Control'];
		if (!value) throw new Error(`No Cache-Control in ${join(dir, '_headers')} for /${key}: was the file written by this build?`);
		return {
			file,
			key,
			md5: createHash('md5').update(readFileSync(join(dir, file))).digest('hex'),
			cacheControl: value,
			contentType: contentTypeOf(file),
		};
	});
}

const isPage = (key: string) => key.endsWith('.html');

/**
 * Which files to upload, in which order, what to invalidate and what to delete.
 *
 * Order: files no live page can reference yet go first (hashed assets, then other files new to
 * the bucket), then changed files, then pages, so that a page never arrives before what it
 * loads. An object's ETag is the MD5 of its content for a single-part upload to an SSE-S3
 * bucket; any other ETag (a multipart upload) counts as changed.
 */
export function planDeploy(files: SiteFile[], bucket: BucketObject[] | undefined, options: PlanOptions = {}): DeployPlan {
	const maxPaths = options.maxInvalidationPaths ?? defaultMaxInvalidationPaths;
	const remote = new Map((bucket ?? []).map((object) => [object.key, object.etag.replace(/"/g, '')]));
	const uploads: Upload[] = [];
	const unchanged: string[] = [];
	for (const file of files) {
		const etag = remote.get(file.key);
		const reason = etag === undefined ? 'new' : etag !== file.md5 ? 'changed' : options.all ? 'all files asked for' : undefined;
		if (!reason) {
			unchanged.push(file.key);
			continue;
		}
		const phase: UploadPhase = file.file === workerFile
			? 'service worker'
			: isPage(file.key)
			? 'pages'
			: file.cacheControl === cacheControl.immutable
				? 'hashed assets'
				: reason === 'new'
					? 'new files'
					: 'changed files';
		uploads.push({ ...file, phase, reason });
	}
	uploads.sort((a, b) => uploadPhases.indexOf(a.phase) - uploadPhases.indexOf(b.phase) || a.key.localeCompare(b.key));

	const built = new Set(files.map((file) => file.key));
	const prefix = files[0] ? files[0].key.slice(0, files[0].key.length - files[0].file.length) : '';
	const stale = [...remote.keys()].filter((key) => key.startsWith(prefix) && !built.has(key)).sort();
	const deletions = stale.filter(isPage);
	const kept = stale.filter((key) => !isPage(key));

	// Only objects CloudFront may hold: those that were in the bucket before this deploy.
	const replaced = uploads.filter((upload) => upload.reason !== 'new');
	const pathsOf = (keys: string[]) => keys.flatMap((key) => urlPathsOf(key, '/')).map((path) => encodeURI(path));
	const worker = replaced.filter((upload) => upload.phase === 'service worker').map((upload) => upload.key);
	const paths = pathsOf([...replaced.filter((upload) => upload.phase !== 'service worker').map((upload) => upload.key), ...deletions]);
	// Every file uploaded again: one path clears them all, and costs as much as one file.
	const invalidationPaths = paths.length > 0 && (options.all || paths.length > maxPaths) ? ['/*'] : [...new Set(paths)].sort();
	const workerInvalidationPaths = pathsOf(worker);

	return { uploads, unchanged, invalidationPaths, workerInvalidationPaths, deletions, kept, bucketKnown: bucket !== undefined };
}

/**
 * Names the build, the worker and the pages' scripts share. Kept apart from the build code so that
 * the browser scripts import them without pulling Node modules into the page.
 */

/** The worker's file, at the root of the build (and of its scope, the base path). */
export const workerFile = 'sw.js';

/** Prefix of every cache the worker makes: removal deletes the caches that start with it. */
export const cachePrefix = 'mlops-course';

/** Where the pages' images go, in the format this browser chose (see offline-images.ts). */
export const imageCacheName = `${cachePrefix}-images`;

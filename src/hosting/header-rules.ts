/**
 * The response headers of the site, as data: the one place to change what any host sends.
 *
 * The build turns these rules and what it produced (inline scripts, styles, data: images) into
 * `dist/_headers` (src/hosting/integration.ts); the test server, the AWS upload plan and the
 * CloudFormation template all read from here or from that file, never from a copy.
 */

/** Cache-Control values, one per kind of file. */
export const cacheControl = {
	/** Vite names these files after their content: a changed file gets a new name, so it never goes stale. */
	immutable: 'public, max-age=31536000, immutable',
	/**
	 * Browsers ask again on every visit (an unchanged file costs a 304); a shared cache such as
	 * CloudFront keeps it for a day, and every deploy invalidates what changed.
	 */
	revalidate: 'public, max-age=0, s-maxage=86400, must-revalidate',
} as const;

export interface CacheRule {
	/** What the rule is for, in the words of the docs. */
	name: string;
	/** Tests a path relative to the site root, such as `_astro/x.js` or `lessons/a/index.html`. */
	matches: (path: string) => boolean;
	cacheControl: string;
}

/** First match wins; the last rule takes every file the others leave. */
export const cacheRules: readonly CacheRule[] = [
	{ name: 'hashed assets', matches: (path) => path.startsWith('_astro/'), cacheControl: cacheControl.immutable },
	{ name: 'pages', matches: (path) => path.endsWith('.html'), cacheControl: cacheControl.revalidate },
	{ name: 'sitemaps', matches: (path) => /^sitemap[^/]*\.xml$/.test(path), cacheControl: cacheControl.revalidate },
	// Pagefind's entry file and loader keep their names from build to build.
	{ name: 'search index', matches: (path) => path.startsWith('pagefind/'), cacheControl: cacheControl.revalidate },
	// Images and the favicon keep their names when they change: revalidated too.
	{ name: 'other files', matches: () => true, cacheControl: cacheControl.revalidate },
];

export function cacheControlFor(path: string): string {
	return cacheRules.find((rule) => rule.matches(path))!.cacheControl;
}

/** Sent with every response, whatever the file. */
export const securityHeaders = {
	// No includeSubDomains: the site may live on a subdomain of a domain whose other hosts are not ours.
	'Strict-Transport-Security': 'max-age=31536000',
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	// Features the course never uses, refused to the page and anything it embeds.
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=()',
} as const;

/**
 * The Content-Security-Policy before the build adds what it found: hashes of inline scripts and
 * `<style>` elements, origins of external resources, `data:` when images use it.
 *
 * - Scripts: the site's own files or an inline script whose hash is listed. Pagefind compiles its
 *   WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval': no eval of strings).
 * - Styles: stylesheets from the site and `<style>` elements by hash. Style attributes are allowed
 *   (style-src-attr 'unsafe-inline'): Starlight writes them in every page and scripts set them at
 *   run time; an injected attribute can restyle one element but cannot run code, load from
 *   elsewhere (img-src) or read the page. style-src is the fallback for browsers without the
 *   -elem/-attr directives (CSP Level 3). docs/hosting.md gives the measurements behind this.
 * - Workers: the offline copy's service worker, `sw.js` of the site itself, and nothing else. The
 *   worker's own requests (the copy's files, under the same origin) fall under default-src.
 */
export const cspBaseDirectives: Readonly<Record<string, readonly string[]>> = {
	'default-src': ["'self'"],
	'script-src': ["'self'", "'wasm-unsafe-eval'"],
	'style-src': ["'self'", "'unsafe-inline'"],
	'style-src-elem': ["'self'"],
	'style-src-attr': ["'unsafe-inline'"],
	'img-src': ["'self'"],
	'worker-src': ["'self'"],
	'object-src': ["'none'"],
	'base-uri': ["'none'"],
	'form-action': ["'self'"],
	'frame-ancestors': ["'none'"],
};

/**
 * A base path with one slash at each end ("/" or "/mlops-course/"), however it was written: for
 * the scripts that read it from the environment. Pages and their scripts read
 * `import.meta.env.BASE_URL`, which Astro gives in that form (the site uses trailing slashes).
 */
export function normalizeBase(base: string): string {
	return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

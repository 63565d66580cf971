/** A base path with one slash at each end ("/" or "/mlops-course/"), however it was written. */
export function normalizeBase(base: string): string {
	return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/**
 * The site's base path with one trailing slash ("/" or "/mlops-course/"), however the build was
 * configured: Astro gives `BASE_URL` with or without it.
 */
export function basePath(): string {
	return normalizeBase(import.meta.env.BASE_URL);
}

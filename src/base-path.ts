/**
 * The site's base path with one trailing slash ("/" or "/mlops-course/"), however the build was
 * configured: Astro gives `BASE_URL` with or without it.
 */
export function basePath(): string {
	return import.meta.env.BASE_URL.replace(/\/?$/, '/');
}

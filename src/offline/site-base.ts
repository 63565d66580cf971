/** The site's base path with a slash at each end: the worker's folder and its scope. */
export const siteBase = import.meta.env.BASE_URL.replace(/\/?$/, '/');

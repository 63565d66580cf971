import type { VFile } from 'vfile';

/**
 * What a remark plugin tells the rest of the site about a page: Astro hands the page's
 * frontmatter, with what plugins add to it, to `render()` as `remarkPluginFrontmatter`.
 */
export function pageData(file: VFile): Record<string, unknown> {
	const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
	const astro = (data.astro ??= {});
	return (astro.frontmatter ??= {});
}

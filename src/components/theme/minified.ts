import { transform } from 'esbuild';
import source from './theme-script.js?raw';

/**
 * The theme script, readable in its file and minified for every page's head: once per build, when
 * this module is first imported, rather than in ThemeProvider.astro's frontmatter, which runs for
 * every page it renders.
 */
export const themeScript = (await transform(source, { minify: true })).code;

import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const emptyStylesheet = fileURLToPath(new URL('./starlight-print.css', import.meta.url));

/**
 * Serves an empty stylesheet where Starlight's page links its print stylesheet (`Page.astro`
 * imports `../style/print.css?url&no-inline` and writes a `media="print"` link): the site's print
 * rules (src/print/print.css) are part of every page's stylesheet. Starlight's rules for
 * components this site does not use (tabs, file trees, steps, badges) would be part of every
 * page's first load, and a second stylesheet costs more than the same rules in the first.
 * tests/unit/print-stylesheet.test.ts fails when Starlight stops importing it this way.
 */
export function printStylesheet(): AstroIntegration {
	return {
		name: 'mlops-course:print-stylesheet',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'mlops-course:print-stylesheet',
								enforce: 'pre',
								resolveId(source, importer) {
									const [path, query] = source.split('?');
									if (path !== '../style/print.css' || !importer?.replace(/\\/g, '/').includes('/@astrojs/starlight/')) return null;
									return `${emptyStylesheet}${query ? `?${query}` : ''}`;
								},
							},
						],
					},
				});
			},
		},
	};
}

// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import { rehypeBasePathLinks } from './src/plugins/rehype/base-path-links.ts';

// Where the site is deployed. A GitHub Pages project site, for example, is
// SITE=https://<owner>.github.io BASE_PATH=/<repository>/ (see .github/workflows/deploy.yml).
const site = process.env.SITE || 'http://localhost:4321';
const base = process.env.BASE_PATH || '/';

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	markdown: {
		processor: unified({
			rehypePlugins: [[rehypeBasePathLinks, { base }]],
		}),
	},
	integrations: [
		starlight({
			title: 'MLOps Course',
			description:
				'An MLOps course module: continuous integration and delivery for ML, the teams in the ML process, nonfunctional requirements, automated testing and SageMaker Projects.',
			favicon: '/favicon.svg',
			lastUpdated: false,
			// Accessible search button; Pagefind's UI loads on first use (see the component).
			components: { Search: './src/components/Search.astro' },
			sidebar: [
				{ label: 'Course overview', link: '/' },
				{ label: 'Deployment and orchestration', items: [{ autogenerate: { directory: 'lessons' } }] },
			],
		}),
	],
});

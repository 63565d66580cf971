// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import { fileURLToPath } from 'node:url';
import starlightLinksValidator from 'starlight-links-validator';
import { rehypeBasePathLinks } from './src/plugins/rehype/base-path-links.ts';
import { responsiveImages } from './src/images/integration.ts';
import { rehypeImageAttributes } from './src/plugins/rehype/image-attributes.ts';
import { rehypeResponsiveImages } from './src/plugins/rehype/responsive-images.ts';
import { rehypeZoomableImages } from './src/plugins/rehype/zoomable-images.ts';
import { remarkValidateImages } from './src/plugins/remark/validate-images.ts';
import { remarkComparisonTables } from './src/plugins/remark/comparison-tables.ts';
import { remarkCourseAsides } from './src/plugins/remark/course-asides.ts';
import { remarkKnowledgeCheck } from './src/plugins/remark/knowledge-check.ts';

// Where the site is deployed. A GitHub Pages project site, for example, is
// SITE=https://<owner>.github.io BASE_PATH=/<repository>/ (see .github/workflows/deploy.yml).
const site = process.env.SITE || 'http://localhost:4321';
const base = process.env.BASE_PATH || '/';
const publicDir = fileURLToPath(new URL('./public/', import.meta.url));

// How many of a page's first content images load eagerly; every later one is lazy.
const eagerImages = 1;

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	// Starlight turns on prefetching every link on hover; that script (1.1 KB gzip) and the pages
	// it fetches cost learners on phone data more than the few milliseconds it saves here.
	prefetch: false,
	markdown: {
		processor: unified({
			// Directive plugins first, the catch-all for unknown directives (course asides) last;
			// Starlight's own asides run after these.
			remarkPlugins: [
				remarkKnowledgeCheck,
				remarkComparisonTables,
				remarkCourseAsides,
				[remarkValidateImages, { publicDir }],
			],
			// Image plugins first: they read files by the path as written, before the base path is added.
			// Size and loading go on the <img>, then the <picture> around it, then the zoom button around that.
			rehypePlugins: [
				[rehypeImageAttributes, { publicDir, eagerImages }],
				[rehypeResponsiveImages, { publicDir }],
				rehypeZoomableImages,
				[rehypeBasePathLinks, { base }],
			],
		}),
	},
	integrations: [
		// Writes the AVIF and WebP copies the responsive-images plugin points at (served on demand in dev).
		responsiveImages({ publicDir }),
		starlight({
			title: 'MLOps Course',
			description:
				'An MLOps course module: continuous integration and delivery for ML, the teams in the ML process, nonfunctional requirements, automated testing and SageMaker Projects.',
			favicon: '/favicon.svg',
			lastUpdated: false,
			// Fails `astro build` on a broken internal link or #anchor, naming the page and the link.
			// Links are checked after rehypeBasePathLinks has prefixed them, and the validator adds the
			// base to the pages it knows, so both agree under a base path. The landing page's hero action
			// is relative on purpose (Starlight does not prefix hero links) and the validator rejects every
			// relative link, so that one link is exempt; tests/site checks it reaches the lesson instead.
			plugins: [starlightLinksValidator({ exclude: ['lessons/automate-deployment/'] })],
			// Accessible search button; Pagefind's UI loads on first use (see the component).
			components: { Search: './src/components/Search.astro' },
			sidebar: [
				{ label: 'Course overview', link: '/' },
				{ label: 'Deployment and orchestration', items: [{ autogenerate: { directory: 'lessons' } }] },
			],
		}),
	],
});

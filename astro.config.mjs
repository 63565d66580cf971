// @ts-check
import { defineConfig } from 'astro/config';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { course } from './src/course.ts';
import { hostingHeaders } from './src/hosting/integration.ts';
import { responsiveImages } from './src/images/integration.ts';
import { offlineCopy } from './src/offline/integration.ts';
import { printStylesheet } from './src/print/integration.ts';
import { buildInfo, courseBuild } from './src/integrations/course-build.ts';
import { internalLinks } from './src/integrations/internal-links.ts';
import { rehypeBasePathLinks } from './src/plugins/rehype/base-path-links.ts';
import { rehypeHtmlInMdx } from './src/plugins/rehype/html-in-mdx.ts';
import { rehypeImageAttributes } from './src/plugins/rehype/image-attributes.ts';
import { rehypeReadingTime } from './src/plugins/rehype/reading-time.ts';
import { rehypeResponsiveImages } from './src/plugins/rehype/responsive-images.ts';
import { rehypeZoomableImages } from './src/plugins/rehype/zoomable-images.ts';
import { remarkClosedDirectives } from './src/plugins/remark/closed-directives.ts';
import { remarkComparisonTables } from './src/plugins/remark/comparison-tables.ts';
import { remarkCourseAsides } from './src/plugins/remark/course-asides.ts';
import { comingSoonText, remarkEmptySections } from './src/plugins/remark/empty-sections.ts';
import { remarkKnowledgeCheck } from './src/plugins/remark/knowledge-check.ts';
import { remarkProseBraces } from './src/plugins/remark/prose-braces.ts';
import { remarkValidateImages } from './src/plugins/remark/validate-images.ts';

// Where the site is deployed. A GitHub Pages project site, for example, is
// SITE=https://<owner>.github.io BASE_PATH=/<repository>/ (see .github/workflows/deploy.yml).
const site = process.env.SITE || 'http://localhost:4321';
const base = process.env.BASE_PATH || '/';
// The repository lessons are edited in, for each lesson's "Edit this page" link; none when unset.
const repository = process.env.REPOSITORY_URL?.replace(/\/+$/, '');
const branch = process.env.REPOSITORY_BRANCH || 'main';
const root = fileURLToPath(new URL('./', import.meta.url));
const publicDir = fileURLToPath(new URL('./public/', import.meta.url));

// How many of a page's first content images load eagerly; every later one is lazy.
const eagerImages = 1;

// Checks of what the author wrote come first; then the directive plugins, the catch-all for
// unknown directives (course asides) last among them; Starlight's own asides run after these.
/** @type {import('@astrojs/markdown-remark').RemarkPlugins} */
const remarkPlugins = [
	remarkClosedDirectives,
	remarkProseBraces,
	remarkKnowledgeCheck,
	remarkComparisonTables,
	remarkCourseAsides,
	[remarkValidateImages, { publicDir }],
	[
		remarkEmptySections,
		{
			/** @type {import('./src/plugins/remark/empty-sections.ts').EmptySectionsOptions['report']} */
			report: (file, section) =>
				buildInfo(`${relative(root, file.path)}:${section.line} "${section.text}" has no content yet; learners see "${comingSoonText}"`),
		},
	],
];

// Heading ids first, for the internal-link check (Starlight adds them early only with its heading
// links, which are off); HTML written in MDX next, so that the others see it. The image plugins read
// files by the path as written, before the base path is added: size and loading go on the <img>,
// then the <picture> around it, then the zoom button around that.
/** @type {import('@astrojs/markdown-remark').RehypePlugins} */
const rehypePlugins = [
	rehypeHeadingIds,
	rehypeHtmlInMdx,
	[rehypeImageAttributes, { publicDir, eagerImages }],
	[rehypeResponsiveImages, { publicDir }],
	rehypeZoomableImages,
	[rehypeBasePathLinks, { base }],
	rehypeReadingTime,
];

export default defineConfig({
	site,
	base,
	// Also gives import.meta.env.BASE_URL a slash at each end, as the pages' scripts expect it.
	trailingSlash: 'always',
	// Two pages at one address stop the build instead of one of them being dropped with a warning.
	prerenderConflictBehavior: 'error',
	// Starlight turns on prefetching every link on hover; that script (1.1 KB gzip) and the pages
	// it fetches cost learners on phone data more than the few milliseconds it saves here.
	prefetch: false,
	markdown: { processor: unified({ remarkPlugins, rehypePlugins }) },
	integrations: [
		courseBuild(),
		// Writes the AVIF and WebP copies the responsive-images plugin points at (served on demand in dev).
		responsiveImages({ publicDir }),
		// The print stylesheet Starlight links to every page: ours (src/print/print.css).
		printStylesheet(),
		starlight({
			title: course.title,
			description: course.description,
			favicon: '/favicon.svg',
			editLink: repository ? { baseUrl: `${repository}/edit/${branch}/` } : {},
			lastUpdated: true,
			// No link icon after every heading (17 on a lesson: 0.8 KB of each page, and 17 more stops for
			// keyboard users): the table of contents and the course overview link every section.
			markdown: { headingLinks: false },
			// Lessons put their parts at level 4: the table of contents lists them, and the learner's
			// reading position (which follows it) can come back to them.
			tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 4 },
			customCss: ['./src/styles/course.css', './src/print/print.css'],
			// Fails `astro build` on a broken internal link or #anchor, naming the page and the link.
			// Links are checked after rehypeBasePathLinks has prefixed them, and the validator adds the
			// base to the pages it knows, so both agree under a base path.
			plugins: [internalLinks()],
			components: {
				// Accessible search button; Pagefind's UI loads on first use (see the component).
				Search: './src/components/Search.astro',
				// The exam domain on top of every lesson, and the learner's progress.
				MarkdownContent: './src/components/LessonContent.astro',
				// No sidebar state persistence (1 KB a page), and ticks for completed lessons.
				Sidebar: './src/components/Sidebar.astro',
				// Starlight's theme scripts, safe when the browser refuses storage.
				ThemeProvider: './src/components/ThemeProvider.astro',
				ThemeSelect: './src/components/ThemeSelect.astro',
			},
			sidebar: [
				{ label: 'Course overview', link: '/' },
				{ label: course.sidebarLabel, items: [{ autogenerate: { directory: course.lessonsDirectory } }] },
			],
		}),
		// The offline copy's worker (sw.js), from every file of the build: after Starlight and Pagefind,
		// before the headers so that they cover it.
		offlineCopy(),
		// After Starlight, so that Pagefind's files and the sitemap are written when it reads the build.
		hostingHeaders(),
	],
});

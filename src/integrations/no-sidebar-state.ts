import type { Plugin } from 'vite';

/** Starlight's script that saves the sidebar's state for its restore step (Page.astro loads it on every page). */
export const saveScript = /@astrojs\/starlight\/dist\/components-internals\/SidebarPersistState\.[jt]s$/;

/**
 * Leaves out Starlight's script that saves which sidebar groups are open and where it is scrolled,
 * with every page's first load (0.45 KB gzip). It only feeds the restore step of Starlight's
 * Sidebar, which src/components/Sidebar.astro leaves out: a course's sidebar is one short list. If
 * Starlight moves the script, the page-weight test notices: the pages grow by its size.
 */
export function noSidebarState(): Plugin {
	return {
		name: 'course:no-sidebar-state',
		enforce: 'pre',
		load: (id) => (saveScript.test(id) ? 'export {};' : undefined),
	};
}

import type { Progress } from './progress-store.ts';

/**
 * Marks each completed lesson in the sidebar: a tick drawn by CSS (course.css), placed so that
 * nothing moves when it appears, and the words "(complete)" for assistive technology.
 */
export function markSidebar(progress: Progress): void {
	const base = import.meta.env.BASE_URL;
	for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href]')) {
		// A packaged page (src/lms/) links `lessons/x/index.html`: the same lesson as `lessons/x/`.
		const id = link.pathname.replace(/index\.html$/, '').slice(base.length, -1);
		const complete = Boolean(progress.lessons[id]?.complete);
		link.toggleAttribute('data-complete', complete);
		link.querySelector('.progress-mark')?.remove();
		if (complete) link.insertAdjacentHTML('beforeend', '<span class="progress-mark sr-only"> (complete)</span>');
	}
}

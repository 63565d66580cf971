import { updateLesson } from './progress-store.ts';

/**
 * Remembers the last section heading the learner had in view, so the course overview can take them
 * back to it. Starlight's table of contents already follows the section in view (it marks its link
 * `aria-current`; a page has one for phones and one for wide screens, only one of them shown); this
 * listens to the one shown rather than measuring the page again, and saves when the section changes,
 * at most once a second, and as the learner leaves the page, so a section reached just before they
 * go is not lost.
 */
export function trackReadingPosition(lesson: string): void {
	let timer = 0;
	let pending: HTMLElement | undefined;
	const save = () => {
		clearTimeout(timer);
		const heading = pending;
		pending = undefined;
		if (!heading) return;
		updateLesson((_, progress) => {
			progress.last = { lesson, heading: heading.id, text: heading.textContent?.trim() ?? '' };
		});
	};
	new MutationObserver((records) => {
		const link = records
			.map((record) => record.target as HTMLAnchorElement)
			.find((a) => a.getAttribute('aria-current') === 'true' && a.closest('starlight-toc, mobile-starlight-toc')?.checkVisibility());
		const heading = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
		if (!heading) return;
		pending = heading;
		clearTimeout(timer);
		timer = window.setTimeout(save, 1000);
	}).observe(document.body, { subtree: true, attributeFilter: ['aria-current'] });
	addEventListener('pagehide', save);
}

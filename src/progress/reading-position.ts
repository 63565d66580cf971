import { updateLesson } from './progress-store.ts';

/**
 * Remembers the last section heading the learner had in view, so the course overview can take them
 * back to it. Starlight's table of contents already follows the section in view (it marks its link
 * `aria-current`; a page has one for phones and one for wide screens, only one of them shown); this
 * listens to the one shown rather than measuring the page again, and saves when the section changes,
 * at most once a second.
 */
export function trackReadingPosition(lesson: string): void {
	let timer = 0;
	new MutationObserver((records) => {
		const link = records
			.map((record) => record.target as HTMLAnchorElement)
			.find((a) => a.getAttribute('aria-current') === 'true' && a.closest('starlight-toc, mobile-starlight-toc')?.checkVisibility());
		const heading = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
		if (!heading) return;
		clearTimeout(timer);
		timer = window.setTimeout(() => {
			updateLesson((_, progress) => {
				progress.last = { lesson, heading: heading.id, text: heading.textContent?.trim() ?? '' };
			});
		}, 1000);
	}).observe(document.body, { subtree: true, attributeFilter: ['aria-current'] });
}

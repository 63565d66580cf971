/**
 * Fetches the interactive part of a page's knowledge checks (knowledge-check-element.ts) only when
 * a check comes within half a screen of the viewport, or the learner touches one first, so the
 * page's first load stays small. The triggers stay in place until the module has arrived: after a
 * failed fetch (offline), the next approach tries again; the <details> answer key works meanwhile.
 */
export function loadChecksOnApproach(): void {
	const checks = [...document.querySelectorAll('knowledge-check')];
	if (checks.length === 0) return;
	let started = false;
	const load = () => {
		if (started) return;
		started = true;
		import('./knowledge-check-element.ts').then(
			() => {
				observer?.disconnect();
				for (const check of checks) {
					check.removeEventListener('focusin', load);
					check.removeEventListener('pointerdown', load);
				}
			},
			() => {
				started = false;
			},
		);
	};
	const observer =
		'IntersectionObserver' in window
			? new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && load(), { rootMargin: '50% 0px' })
			: undefined;
	for (const check of checks) {
		observer?.observe(check);
		check.addEventListener('focusin', load);
		check.addEventListener('pointerdown', load);
	}
	if (!observer) load();
}

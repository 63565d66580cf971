import { resetProgress } from './progress-store.ts';

const ready = new WeakSet<HTMLElement>();

/**
 * Asks before forgetting the learner's progress: the reset button gives way to the question and
 * two answers, and focus follows, so the learner never loses their place.
 */
export function confirmReset(overview: HTMLElement): void {
	const ask = overview.querySelector<HTMLButtonElement>('[data-action="ask"]')!;
	const confirm = overview.querySelector<HTMLElement>('.course-progress__confirm')!;
	const keep = confirm.querySelector<HTMLButtonElement>('[data-action="keep"]')!;
	if (!ready.has(overview)) {
		ready.add(overview);
		const close = () => {
			confirm.hidden = true;
			ask.hidden = false;
			ask.focus();
		};
		keep.addEventListener('click', close);
		confirm.querySelector('[data-action="reset"]')!.addEventListener('click', () => {
			resetProgress();
			close();
		});
	}
	ask.hidden = true;
	confirm.hidden = false;
	keep.focus();
}

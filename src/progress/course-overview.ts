/**
 * The learner's view of the course on the landing page: each lesson's state (not started, in
 * progress with its score, complete), how many lessons are complete, the section last read (also
 * the hero's button, which becomes "Resume the course"), and resetting progress. Saved progress for
 * a lesson the course no longer has is left out of every figure. Also how many questions are due
 * for review, and saving progress to a file or loading it from one.
 */
import { lessonStatus, loadProgress, onProgressChange, type LessonStatus, type Progress } from './progress-store.ts';
import { questionCount, reviewQueue } from './review-queue.ts';

function statusText(status: LessonStatus): string {
	if (status.state !== 'in-progress') return status.state === 'complete' ? 'Complete' : 'Not started';
	return status.total > 0 ? `In progress: ${status.right} of ${status.total} knowledge checks right` : 'In progress';
}

class CourseOverview extends HTMLElement {
	/** The hero button as the page was built: "Start the course", to the first lesson. */
	#start: { text: string; href: string } | undefined;

	connectedCallback() {
		this.#show(loadProgress());
		onProgressChange(() => this.#show(loadProgress()));
		// Only a learner who resets, saves or loads needs the code that does it: it loads then. The file
		// input (in a label that looks like a button) opens the chooser itself and acts on a change.
		const act = (event: Event) => {
			const control = (event.target as Element).closest<HTMLElement>('[data-action]');
			if (!control || (control.dataset.action === 'load') !== (event.type === 'change')) return;
			import('./overview-actions.ts').then(
				({ overviewAction }) => overviewAction(this, control),
				() => (this.querySelector('.course-progress__file-status')!.textContent = 'Part of the page did not load. Your progress is unchanged.'),
			);
		};
		this.addEventListener('click', act);
		this.addEventListener('change', act);
	}

	#show(progress: Progress) {
		const cards = [...this.querySelectorAll<HTMLElement>('.lesson-card[data-lesson]')];
		const lessons = cards.map((card) => ({ id: card.dataset.lesson!, checkKeys: (card.dataset.checks ?? '').split(' ').filter(Boolean) }));
		let complete = 0;
		for (const [index, card] of cards.entries()) {
			const status = lessonStatus(progress, card.dataset.lesson!, lessons[index]!.checkKeys);
			if (status.state === 'complete') complete++;
			const line = card.querySelector<HTMLElement>('.lesson-card__status')!;
			line.dataset.state = status.state;
			line.textContent = statusText(status);
		}
		this.querySelector('.course-progress__summary')!.textContent = `${complete} of ${cards.length} lessons complete.`;
		this.#showLastRead(progress, cards);
		// How many questions are due, linked to the Review page (which also says when the next review is).
		const { due, next } = reviewQueue(progress.lessons, lessons, Date.now());
		// An LMS package leaves the review line out (src/lms/): its platform keeps no review schedule.
		const line = this.querySelector('.course-progress__review');
		if (!line) return;
		const link = line.querySelector('a')!;
		link.hidden = due.length === 0;
		link.textContent = due.length > 0 ? `${questionCount(due.length)} to review` : '';
		line.querySelector('span')!.textContent = due.length === 0 && next !== undefined ? 'Nothing to review today.' : '';
	}

	/** The section the learner last read, if its lesson and heading are still in the course. */
	#showLastRead(progress: Progress, cards: HTMLElement[]) {
		const link = this.querySelector<HTMLAnchorElement>('.course-progress__last a')!;
		const card = cards.find((each) => each.dataset.lesson === progress.last?.lesson);
		const lessonLink = card?.querySelector<HTMLAnchorElement>('.lesson-card__title a');
		const section = [...(card?.querySelectorAll<HTMLAnchorElement>('.outline a') ?? [])].find((a) => a.hash === `#${progress.last?.heading}`);
		// An empty link would be a link without a name: it is hidden, its line keeps its space.
		link.hidden = !lessonLink;
		if (lessonLink) {
			link.href = section?.href ?? lessonLink.href;
			link.textContent = `Resume where you left off: ${lessonLink.textContent}${section ? `, ${section.textContent}` : ''}`;
		}
		this.#setHero(lessonLink ? { text: 'Resume the course', href: link.href } : undefined);
	}

	/** The hero's button: back to where the learner left off, or as built. */
	#setHero(resume: { text: string; href: string } | undefined) {
		const hero = document.querySelector<HTMLAnchorElement>('.hero .sl-link-button');
		const words = hero && [...hero.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
		if (!hero || !words) return;
		this.#start ??= { text: words.textContent ?? '', href: hero.href };
		const target = resume ?? this.#start;
		hero.href = target.href;
		words.textContent = target.text;
	}
}

customElements.define('course-overview', CourseOverview);

/**
 * The Review page's session: the questions due today, one at a time, each the lesson's own
 * knowledge check (fetched from the lesson's page, so it reads and behaves exactly as there), and
 * each answer scheduled again. When nothing is due it says when the next review is. What cannot be
 * loaded (offline) is said, with the way to the question in its lesson; the page never breaks.
 */
import { loadProgress } from '../../progress/progress-store.ts';
import { nextMidnight, prepareScheduler, questionCount, recordReviewAnswer, reviewQueue, tidyCards, type DueQuestion } from '../../review/index.ts';
import { answerEvent, type KnowledgeCheckAnswer } from '../knowledge-check/answer-event.ts';

/** When a review falls, as the pages say it: "tomorrow, Tuesday 8 December", or the date alone further out. */
function reviewDay(time: number, now: number): string {
	const date = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long' }).format(time);
	return new Date(time).toDateString() === new Date(nextMidnight(now)).toDateString() ? `tomorrow, ${date}` : `on ${date}`;
}

/** A lesson as the page was built with it. */
interface BuiltLesson {
	id: string;
	href: string;
	title: string;
	checkKeys: string[];
}

class ReviewSession extends HTMLElement {
	#lessons: BuiltLesson[] = [];
	#queue: DueQuestion[] = [];
	#position = 0;
	#pages = new Map<string, Promise<Document>>();

	connectedCallback() {
		try {
			this.#lessons = JSON.parse(this.dataset.lessons ?? '[]') as BuiltLesson[];
		} catch {
			this.#lessons = [];
		}
		this.#part('next').addEventListener('click', () => this.#next());
		this.addEventListener(answerEvent, (event) => void this.#answered((event as CustomEvent<KnowledgeCheckAnswer>).detail));
		tidyCards(this.#lessons);
		this.#start(false);
	}

	#part<T extends HTMLElement = HTMLElement>(name: string): T {
		return this.querySelector<T>(`[data-part="${name}"]`)!;
	}

	/** Takes the questions due now; `again` when they are the ones answered wrong earlier in this visit. */
	#start(again: boolean) {
		const now = Date.now();
		const { due, next } = reviewQueue(loadProgress().lessons, this.#lessons, now);
		this.#queue = due;
		this.#position = 0;
		if (due.length === 0) {
			this.#finish(next, now, again);
			return;
		}
		prepareScheduler();
		this.#say(
			again
				? `${questionCount(due.length)} answered wrong ${due.length === 1 ? 'comes' : 'come'} back once more today.`
				: `${questionCount(due.length)} to review today.`,
		);
		void this.#show(again);
	}

	#say(text: string) {
		this.#part('status').textContent = text;
	}

	#finish(next: number | undefined, now: number, afterSession: boolean) {
		this.#part('question').hidden = true;
		this.#part('next').hidden = true;
		const anyCards = next !== undefined;
		const start = afterSession ? 'That was the last question for today.' : 'Nothing to review today.';
		this.#say(
			anyCards
				? `${start} Your next review is ${reviewDay(next, now)}.`
				: afterSession
					? start
					: 'No questions to review yet.',
		);
	}

	/** The lesson's page, parsed; fetched once for all its questions. */
	#page(href: string): Promise<Document> {
		let page = this.#pages.get(href);
		if (!page) {
			page = fetch(href).then(async (response) => {
				if (!response.ok) throw new Error(`${response.status}`);
				return new DOMParser().parseFromString(await response.text(), 'text/html');
			});
			// A failed fetch is tried again for the next question (the connection may come back).
			page.catch(() => this.#pages.delete(href));
			this.#pages.set(href, page);
		}
		return page;
	}

	async #show(moveFocus: boolean) {
		const item = this.#queue[this.#position]!;
		const lesson = this.#lessons.find((each) => each.id === item.lesson)!;
		const question = this.#part('question');
		question.hidden = false;
		const heading = this.#part('heading');
		heading.textContent = `Question ${this.#position + 1} of ${this.#queue.length}`;
		const source = this.#part<HTMLAnchorElement>('source');
		source.href = lesson.href;
		source.textContent = lesson.title;
		this.#part('next').hidden = true;
		const slot = this.#part('check');
		slot.replaceChildren();
		const problem = this.#part('problem');
		problem.textContent = '';
		if (moveFocus) heading.focus();
		try {
			const check = (await this.#page(lesson.href)).querySelector(`knowledge-check[data-key="${CSS.escape(item.key)}"]`);
			if (!check) throw new Error('gone');
			// The check's interactive part comes with the first question, not with the page.
			await import('../knowledge-check/knowledge-check-element.ts');
			slot.append(document.importNode(check, true));
		} catch {
			problem.textContent = 'This question could not be loaded (are you offline?). It stays due: answer it in its lesson, linked above, or come back later.';
			this.#showNext();
		}
	}

	async #answered({ key, right }: KnowledgeCheckAnswer) {
		const item = this.#queue[this.#position];
		if (!item || item.key !== key) return;
		// The answer stands: in review, "Try again" would be a second answer to the same question.
		this.querySelector<HTMLElement>('knowledge-check [data-action="retry"]')?.setAttribute('hidden', '');
		const lesson = this.#lessons.find((each) => each.id === item.lesson)!;
		try {
			await recordReviewAnswer(item.lesson, lesson.checkKeys, key, right);
		} catch {
			this.#part('problem').textContent = 'Your answer could not be scheduled (are you offline?): this question stays due.';
		}
		this.#showNext();
	}

	#showNext() {
		const next = this.#part('next');
		next.textContent = this.#position + 1 < this.#queue.length ? 'Next question' : 'Finish';
		next.hidden = false;
		next.focus();
	}

	#next() {
		this.#position++;
		if (this.#position < this.#queue.length) void this.#show(true);
		else {
			this.#start(true);
			// Focus stays on the page's message, not lost with the hidden button.
			if (this.#queue.length === 0) this.#part('status').focus();
		}
	}
}

customElements.define('review-session', ReviewSession);

/**
 * The interactive part of a knowledge check, loaded on demand by KnowledgeCheck.astro. It
 * upgrades the server-rendered markup in place: nothing here builds the question or its options,
 * so the check reads the same with or without this module. A checked answer is kept in the
 * learner's browser (src/progress/) and shown again on their next visit; no data leaves the page.
 */
import { loadProgress, pageLesson, updateLesson } from '../../progress/progress-store.ts';
import { recordLessonAnswer } from '../../review/index.ts';
import { answerEvent, type KnowledgeCheckAnswer } from './answer-event.ts';

type OptionState = 'right-chosen' | 'right-missed' | 'wrong-chosen';

/**
 * What the check says once it can be answered. It lives here, with the code that says it, rather
 * than in every check's markup: a page of five checks would carry it five times.
 */
const wording = {
	chooseFirst: { single: 'Choose an answer first.', multiple: 'Choose at least one answer first.' },
	right: 'Right.',
	wrong: { single: 'Not quite. The right answer:', multiple: 'Not quite. The right answers:' },
	seeWhy: 'The explanations are below.',
	verdict: { 'right-chosen': 'Right answer', 'right-missed': 'Right answer, not chosen', 'wrong-chosen': 'Your choice, not right' },
} as const;

class KnowledgeCheckElement extends HTMLElement {
	#ready = false;

	connectedCallback() {
		if (this.#ready) return;
		const actions = this.querySelector<HTMLElement>('.kc-actions');
		if (!actions) return;
		this.#ready = true;
		this.#button('check').addEventListener('click', () => this.#check());
		this.#button('retry').addEventListener('click', () => this.#reset());
		actions.hidden = false;
		this.#restore();
	}

	/** Shows the answer the learner checked on an earlier visit, as it was, without announcing it. */
	#restore() {
		const lesson = pageLesson();
		const key = this.dataset.key;
		if (!lesson || !key) return;
		const saved = loadProgress().lessons[lesson.id]?.answers[key];
		const inputs = this.#inputs;
		if (!saved || saved.choices.length === 0 || saved.choices.some((choice) => choice >= inputs.length)) return;
		for (const [index, input] of inputs.entries()) input.checked = saved.choices.includes(index);
		this.#check({ restoring: true });
	}

	/** Keeps the learner's answer to this check, or forgets it (null). */
	#save(answer: { choices: number[]; right: boolean } | null) {
		const key = this.dataset.key;
		if (!key) return;
		updateLesson((lesson) => {
			if (answer) lesson.answers[key] = answer;
			else delete lesson.answers[key];
		});
	}

	#button(action: 'check' | 'retry'): HTMLButtonElement {
		return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
	}

	get #inputs(): HTMLInputElement[] {
		return [...this.querySelectorAll<HTMLInputElement>('.kc-option input')];
	}

	get #mode(): 'single' | 'multiple' {
		return this.dataset.mode === 'multiple' ? 'multiple' : 'single';
	}

	/** Writes to the polite live region; emptied first so a repeated message is read again. */
	#announce(message: string) {
		const region = this.querySelector<HTMLElement>('.kc-feedback')!;
		region.textContent = '';
		requestAnimationFrame(() => (region.textContent = message));
	}

	#check({ restoring = false } = {}) {
		const inputs = this.#inputs;
		if (!inputs.some((input) => input.checked)) {
			this.#announce(wording.chooseFirst[this.#mode]);
			return;
		}
		const rightLabels: string[] = [];
		let allRight = true;
		// Which options are right: the answer key lists them in the same order.
		const key = [...this.querySelectorAll<HTMLElement>('.kc-key > li')];
		for (const [index, input] of inputs.entries()) {
			const option = input.closest<HTMLElement>('.kc-option')!;
			const isCorrect = key[index]?.dataset.correct === 'true';
			if (isCorrect) rightLabels.push(option.querySelector('label')!.textContent!.trim());
			if (isCorrect !== input.checked) allRight = false;
			const state: OptionState | undefined = isCorrect
				? input.checked
					? 'right-chosen'
					: 'right-missed'
				: input.checked
					? 'wrong-chosen'
					: undefined;
			if (state) option.dataset.state = state;
			const verdict = option.querySelector<HTMLElement>('.kc-verdict')!;
			verdict.textContent = state ? wording.verdict[state] : '';
			// The answer is given; "Try again" starts over rather than a silent change after the verdict.
			input.disabled = true;
		}
		this.dataset.state = allRight ? 'right' : 'wrong';
		const message = `${allRight ? wording.right : wording.wrong[this.#mode]} ${rightLabels.join('; ')}. ${wording.seeWhy}`;
		this.#button('check').hidden = true;
		const retry = this.#button('retry');
		retry.hidden = false;
		if (restoring) {
			// A restored answer is shown, not announced, takes no focus from where the learner is, and
			// leaves the explanations closed, so the page grows as little as it can while they read.
			this.querySelector<HTMLElement>('.kc-feedback')!.textContent = message;
			return;
		}
		this.querySelector<HTMLDetailsElement>('.kc-answer')!.open = true;
		this.#announce(message);
		retry.focus();
		this.#save({ choices: inputs.flatMap((input, index) => (input.checked ? [index] : [])), right: allRight });
		this.#review(allRight);
	}

	/** The answer becomes a review card (in a lesson), or is handed to the Review page that asked. */
	#review(right: boolean) {
		const key = this.dataset.key;
		if (!key) return;
		const lesson = pageLesson();
		if (lesson) {
			recordLessonAnswer(lesson.checkKeys, key, right).catch(() => {
				// Offline before the scheduler arrived: the answer is saved, the card made at the next answer.
			});
		}
		this.dispatchEvent(new CustomEvent<KnowledgeCheckAnswer>(answerEvent, { bubbles: true, detail: { key, right } }));
	}

	#reset() {
		const inputs = this.#inputs;
		for (const input of inputs) {
			input.checked = false;
			input.disabled = false;
			const option = input.closest<HTMLElement>('.kc-option')!;
			delete option.dataset.state;
			option.querySelector<HTMLElement>('.kc-verdict')!.textContent = '';
		}
		delete this.dataset.state;
		this.querySelector<HTMLElement>('.kc-feedback')!.textContent = '';
		this.querySelector<HTMLDetailsElement>('.kc-answer')!.open = false;
		this.#button('retry').hidden = true;
		this.#button('check').hidden = false;
		inputs[0]?.focus();
		this.#save(null);
	}
}

if (!customElements.get('knowledge-check')) customElements.define('knowledge-check', KnowledgeCheckElement);

// A module with no exports: importing it defines the element, and the dynamic import() needs a module.
export {};


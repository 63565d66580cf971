/**
 * The interactive part of a knowledge check, loaded on demand by KnowledgeCheck.astro. It
 * upgrades the server-rendered markup in place: nothing here builds the question or its options,
 * so the check reads the same with or without this module. No data leaves the page.
 */

type OptionState = 'right-chosen' | 'right-missed' | 'wrong-chosen';

/** Where each verdict's wording lives on the element (data-text-verdict-*), set by the component. */
const verdictText: Record<OptionState, string> = {
	'right-chosen': 'textVerdictRightChosen',
	'right-missed': 'textVerdictRightMissed',
	'wrong-chosen': 'textVerdictWrongChosen',
};

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
	}

	#button(action: 'check' | 'retry'): HTMLButtonElement {
		return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
	}

	get #inputs(): HTMLInputElement[] {
		return [...this.querySelectorAll<HTMLInputElement>('.kc-option input')];
	}

	#text(name: string): string {
		return this.dataset[name] ?? '';
	}

	/** Writes to the polite live region; emptied first so a repeated message is read again. */
	#announce(message: string) {
		const region = this.querySelector<HTMLElement>('.kc-feedback')!;
		region.textContent = '';
		requestAnimationFrame(() => (region.textContent = message));
	}

	#check() {
		const inputs = this.#inputs;
		if (!inputs.some((input) => input.checked)) {
			this.#announce(this.#text('textChooseFirst'));
			return;
		}
		const rightLabels: string[] = [];
		let allRight = true;
		for (const input of inputs) {
			const option = input.closest<HTMLElement>('.kc-option')!;
			const isCorrect = option.dataset.correct === 'true';
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
			verdict.textContent = state ? this.#text(verdictText[state]) : '';
			// The answer is given; "Try again" starts over rather than a silent change after the verdict.
			input.disabled = true;
		}
		this.dataset.state = allRight ? 'right' : 'wrong';
		const message = allRight
			? `${this.#text('textRight')} ${rightLabels.join('; ')}. ${this.#text('textSeeWhy')}`
			: `${this.#text('textWrong')} ${rightLabels.join('; ')}. ${this.#text('textSeeWhy')}`;
		this.#announce(message);
		this.querySelector<HTMLDetailsElement>('.kc-answer')!.open = true;
		this.#button('check').hidden = true;
		const retry = this.#button('retry');
		retry.hidden = false;
		retry.focus();
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
	}
}

if (!customElements.get('knowledge-check')) customElements.define('knowledge-check', KnowledgeCheckElement);

// A module with no exports: importing it defines the element, and the dynamic import() needs a module.
export {};

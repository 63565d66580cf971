import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import KnowledgeCheck from '../../src/components/KnowledgeCheck.astro';

let container: AstroContainer;
beforeAll(async () => {
	container = await AstroContainer.create();
});

const teamSlots = {
	question: 'Which team is responsible for model deployment?',
	'option-0': 'Data engineers',
	'explanation-0': '<p>They source, clean and process data.</p>',
	'option-1': 'ML <em>engineers</em>',
	'explanation-1': '<p>They deploy models.</p>',
};

async function render(props: Record<string, unknown>, slots: Record<string, string> = teamSlots) {
	const html = await container.renderToString(KnowledgeCheck, { props, slots });
	const tree = fromHtml(html, { fragment: true });
	const text = (selector: string) => {
		const node = select(selector, tree);
		return node ? toString(node).replace(/\s+/g, ' ').trim() : undefined;
	};
	return { html, tree, text, all: (selector: string) => selectAll(selector, tree) };
}

describe('KnowledgeCheck', () => {
	it('renders the question as the legend of a fieldset, with one radio per option when one answer is right', async () => {
		const check = await render({ id: 'kc-teams', correct: [false, true] });
		expect(check.text('fieldset > legend')).toBe('Which team is responsible for model deployment?');
		const inputs = check.all('fieldset input');
		expect(inputs.map((input) => input.properties.type)).toEqual(['radio', 'radio']);
		expect(new Set(inputs.map((input) => input.properties.name))).toEqual(new Set(['kc-teams']));
		const labels = check.all('fieldset label').map((label) => [label.properties.htmlFor, toString(label).trim()]);
		expect(labels).toEqual([
			[['kc-teams-1'], 'Data engineers'],
			[['kc-teams-2'], 'ML engineers'],
		]);
		expect(check.text('.kc-hint')).toBe('Choose one answer.');
	});

	it('uses checkboxes when several answers are right', async () => {
		const check = await render({ id: 'kc-many', correct: [true, true] });
		expect(check.all('fieldset input').map((input) => input.properties.type)).toEqual(['checkbox', 'checkbox']);
		expect(check.text('.kc-hint')).toBe('Choose every right answer.');
	});

	it('reveals the answer and every explanation in a details element, which needs no script', async () => {
		const check = await render({ id: 'kc-teams', correct: [false, true] });
		expect(check.text('details > summary')).toBe('Show the answer and explanations');
		const flat = (node: Element | undefined) => (node ? toString(node).replace(/\s+/g, ' ').trim() : undefined);
		const key = check.all('details .kc-key > li').map((li) => [flat(select('.kc-key-option', li)), flat(select('.kc-key-explanation', li))]);
		expect(key).toEqual([
			['Not right: Data engineers', 'They source, clean and process data.'],
			['Right: ML engineers', 'They deploy models.'],
		]);
	});

	it('has a polite live region for feedback, and hides the buttons that need the script', async () => {
		const check = await render({ id: 'kc-teams', correct: [false, true] });
		const live = select('[aria-live="polite"]', check.tree) as Element;
		expect(live.properties.role).toBe('status');
		expect(select('.kc-actions', check.tree)?.properties.hidden).toBe(true);
		expect(check.all('button').map((button) => [toString(button), button.properties.type])).toEqual([
			['Check', 'button'],
			['Try again', 'button'],
		]);
	});

	it('puts no inline script in the markup: its code is a bundled module, loaded on demand', async () => {
		const check = await render({ id: 'kc-teams', correct: [false, true] });
		expect(check.html).not.toMatch(/<script(?![^>]*\bsrc=)/);
		expect(check.html).not.toContain('customElements.define');
	});

	it('accepts one explanation for the whole question instead of one per option', async () => {
		const check = await render(
			{ id: 'kc-q', correct: [true, false] },
			{ question: 'Q?', 'option-0': 'A', 'option-1': 'B', explanation: '<p>Because.</p>' },
		);
		expect(check.text('details .kc-key + .kc-key-explanation')).toBe('Because.');
	});
});

import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import CourseAside from '../../src/components/CourseAside.astro';

let container: AstroContainer;
beforeAll(async () => {
	container = await AstroContainer.create();
});

async function render(props: Record<string, unknown>, content?: string) {
	const html = await container.renderToString(CourseAside, { props, slots: content ? { default: content } : {} });
	return fromHtml(html, { fragment: true });
}

describe('CourseAside', () => {
	it('shows the exam domain as a region named by its number and title', async () => {
		const tree = await render({ variant: 'exam-domain', number: 3, title: 'Deployment and Orchestration of ML Workflows', id: 'domain' });
		const aside = select('aside', tree)!;
		expect(aside.properties.ariaLabelledBy).toEqual(['domain']);
		const title = select('#domain', tree)!;
		expect(toString(title)).toBe('Domain 3: Deployment and Orchestration of ML Workflows');
		expect(toString(select('.course-aside__domain', tree)!)).toBe('Domain 3');
		expect(aside.properties.className).toContain('course-aside--exam-domain');
	});

	it('hides its icon from assistive technology', async () => {
		const tree = await render({ variant: 'exam-tip', title: 'Exam tip', id: 'tip' }, '<p>Read every option.</p>');
		const icons = selectAll('svg', tree);
		expect(icons.length).toBeGreaterThan(0);
		for (const icon of icons) expect(icon.properties.ariaHidden).toBe('true');
	});

	it('is named by its title and shows its content', async () => {
		for (const [variant, title] of [
			['learning-objective', 'Learning objective'],
			['exam-tip', 'Watch the wording'],
		]) {
			const tree = await render({ variant, title, id: `aside-${variant}` }, '<p>Explain CI/CD for ML.</p>');
			const labelId = String((select('aside', tree)!.properties.ariaLabelledBy as string[])[0]);
			expect(toString(select(`[id="${labelId}"]`, tree)!)).toBe(title);
			expect(toString(select('.course-aside__content', tree)!)).toBe('Explain CI/CD for ML.');
		}
	});

	it('leaves out the content box when there is no content', async () => {
		const tree = await render({ variant: 'exam-domain', number: 1, title: 'Data', id: 'domain' });
		expect(select('.course-aside__content', tree)).toBeUndefined();
	});
});

import type { Root } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { rehypeBasePathLinks } from '../../src/plugins/rehype/base-path-links.ts';

/** The href or src of each element after the plugin, for a site deployed under `base`. */
function rewrite(base: string, urls: string[]): string[] {
	const tree: Root = { type: 'root', children: urls.map((url) => (url.includes('.png') ? h('img', { src: url }) : h('a', { href: url }))) };
	rehypeBasePathLinks({ base })(tree);
	return tree.children.map((node) => (node.type === 'element' ? String(node.properties.href ?? node.properties.src) : ''));
}

describe('rehypeBasePathLinks', () => {
	it('puts the base path before links and images written from the site root', () => {
		expect(rewrite('/mlops-course/', ['/lessons/automate-deployment/#teams', '/img/teams.png', '/'])).toEqual([
			'/mlops-course/lessons/automate-deployment/#teams',
			'/mlops-course/img/teams.png',
			'/mlops-course/',
		]);
	});

	it('leaves external, protocol-relative, relative and in-page links alone', () => {
		const urls = ['https://docs.aws.amazon.com/sagemaker/', '//example.com/x.png', './x.png', '#section', 'mailto:team@example.com'];
		expect(rewrite('/mlops-course/', urls)).toEqual(urls);
	});

	it('changes nothing for a site at the root of its domain', () => {
		expect(rewrite('/', ['/lessons/automate-deployment/', '/img/teams.png'])).toEqual(['/lessons/automate-deployment/', '/img/teams.png']);
	});

	it('prefixes a link whose first folder has the name of the base path', () => {
		expect(rewrite('/lessons/', ['/lessons/automate-deployment/', '/img/teams.png'])).toEqual([
			'/lessons/lessons/automate-deployment/',
			'/lessons/img/teams.png',
		]);
	});
});

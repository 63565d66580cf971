import type { Element } from 'hast';

/** What a screen reader reads of an element: its text without what is aria-hidden, whitespace collapsed. */
export function accessibleText(node: Element): string {
	const read = (element: Element): string =>
		element.children
			.map((child) => {
				if (child.type === 'text') return child.value;
				if (child.type === 'element' && child.properties.ariaHidden !== 'true') return read(child);
				return '';
			})
			.join('');
	return read(node).replace(/\s+/g, ' ').trim();
}

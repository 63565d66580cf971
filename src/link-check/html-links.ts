import { Parser } from 'htmlparser2';
import { urlsInAttribute } from './url-attributes.ts';

/**
 * The external addresses in the attributes of a piece of raw HTML (as a `.md` lesson holds it),
 * each with the line it is on, counted from 0 within the HTML. Comments, and the text of
 * elements, are not links; htmlparser2 decodes entities (`&amp;`) as a browser does.
 */
export function linksInHtml(html: string): { url: string; lineOffset: number }[] {
	const found: { url: string; lineOffset: number }[] = [];
	const parser = new Parser({
		onattribute(name, value) {
			// endIndex is just past the attribute's closing quote: its line is the attribute's.
			const lineOffset = html.slice(0, Math.max(parser.endIndex - 1, 0)).split('\n').length - 1;
			for (const url of urlsInAttribute(name, value)) found.push({ url, lineOffset });
		},
	});
	parser.write(html);
	parser.end();
	return found;
}

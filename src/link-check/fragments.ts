import { unescape } from 'node:querystring';

/**
 * The anchor a URL fragment asks the browser to scroll to, or undefined when it names the top of
 * the page (no fragment, an empty one, `#top`) or only a text directive (`#:~:text=…`), which
 * browsers strip before they look for an element. `fragment` is the URL's hash without `#`.
 */
export function anchorToFind(fragment: string): string | undefined {
	const [anchor = ''] = fragment.split(':~:');
	if (anchor === '' || percentDecode(anchor).toLowerCase() === 'top') return undefined;
	return anchor;
}

/**
 * Whether the page holds the anchor, as the HTML standard's "find a potential indicated element"
 * looks for it: an `id`, or `name` on `<a>`, first as written, then percent-decoded. Ids are
 * case-sensitive. `anchors` are the page's ids and `<a name>` values.
 */
export function hasAnchor(anchors: ReadonlySet<string>, anchor: string): boolean {
	return anchors.has(anchor) || anchors.has(percentDecode(anchor));
}

// Node's querystring.unescape is lenient like the URL standard's percent-decode: where
// decodeURIComponent would throw (`#100%`, bytes that are not UTF-8), it decodes what it can.
function percentDecode(text: string): string {
	return unescape(text);
}

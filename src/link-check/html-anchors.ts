import { Parser } from 'htmlparser2';

/**
 * Collects the targets a `#fragment` can name in a page: every `id`, and `name` on `<a>` (the
 * older form AWS docs still put after headings). htmlparser2 reads the page as it streams in,
 * copes with the cut-off page the byte cap leaves, and is fast enough for megabytes; building a
 * full tree (parse5 through hast) took about a second for 64 KB of markup.
 */
export function createAnchorCollector() {
	const anchors = new Set<string>();
	const parser = new Parser({
		onopentag(name, attributes) {
			if (attributes.id) anchors.add(attributes.id);
			if (name === 'a' && attributes.name) anchors.add(attributes.name);
		},
	});
	return {
		write(text: string) {
			parser.write(text);
		},
		end(): Set<string> {
			parser.end();
			return anchors;
		},
	};
}

/** Whether the fragment names a place in the page (an empty fragment and `#top` always do, as in browsers). */
export function hasAnchor(anchors: Set<string>, fragment: string): boolean {
	if (fragment === '' || fragment.toLowerCase() === 'top') return true;
	if (anchors.has(fragment)) return true;
	try {
		return anchors.has(decodeURIComponent(fragment));
	} catch {
		return false;
	}
}

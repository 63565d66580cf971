import { Parser } from 'htmlparser2';
import { refreshUrl } from './meta-refresh.ts';

/**
 * Elements whose content a browser (with scripting on) keeps out of the document: `<template>`
 * holds an inert fragment, `<noscript>` is read as text. An id inside them is not a place a link
 * can scroll to, and a refresh inside `<noscript>` never fires. Script, style, textarea, title and
 * comments are already text to htmlparser2.
 */
const inertElements = new Set(['template', 'noscript']);

export interface PageHtml {
	/** Every `id`, and `name` on `<a>`: the targets a `#fragment` can name. */
	anchors: Set<string>;
	/** Where the first `<meta http-equiv="refresh">` sends the browser, as written. */
	refresh?: string;
}

/**
 * Collects what a browser acts on after loading a page: its anchors and a meta refresh.
 * htmlparser2 reads the page as it streams in, copes with the cut-off page the byte cap leaves,
 * and is fast enough for megabytes; building a full tree (parse5 through hast) took about a
 * second for 64 KB of markup.
 */
export function createAnchorCollector() {
	const page: PageHtml = { anchors: new Set() };
	let inertDepth = 0;
	const parser = new Parser({
		onopentag(name, attributes) {
			if (inertDepth === 0) {
				if (attributes.id) page.anchors.add(attributes.id);
				if (name === 'a' && attributes.name) page.anchors.add(attributes.name);
				if (name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'refresh' && page.refresh === undefined) {
					page.refresh = refreshUrl(attributes.content ?? '');
				}
			}
			if (inertElements.has(name)) inertDepth++;
		},
		onclosetag(name) {
			if (inertElements.has(name) && inertDepth > 0) inertDepth--;
		},
	});
	return {
		write(text: string) {
			parser.write(text);
		},
		end(): PageHtml {
			parser.end();
			return page;
		},
	};
}

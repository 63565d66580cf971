import type { Plugin } from 'vite';

/** What an MDX parse error carries (a vfile message from micromark or mdast-util-mdx-jsx). */
export interface MdxParseError {
	message: string;
	reason?: string;
	source?: string;
	ruleId?: string;
	place?: { line?: number; column?: number; start?: { line: number; column: number } } | null;
	loc?: { file?: string; line?: number; column?: number };
	hint?: string;
}

/** Elements that have no closing tag in HTML, which MDX still wants closed: `<img />`, `<br />`. */
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const lessThan = 'MDX reads "<" as the start of a tag. To show a less-than sign in text, write "\\<" (for example "a \\< b"), or put it in `code`.';
const brace = 'MDX reads "{" as the start of JavaScript. To show a brace in text, write "\\{" (for example "a set \\{a, b}"), or put it in `code`.';

/**
 * How to write what the author meant, for the MDX parse errors lessons run into. The parser says
 * what it expected, in its own terms; maintainers need the fix. docs/authoring.md ("MDX rules")
 * shows the same cases.
 */
export function mdxHint(error: MdxParseError): string | undefined {
	const reason = error.reason ?? error.message;
	if (error.source === 'mdast-util-mdx-jsx' && error.ruleId === 'end-tag-mismatch') {
		const tag = /closing tag for `<([^\s>`]+)>`/.exec(reason)?.[1];
		if (tag && voidElements.has(tag.toLowerCase())) {
			return `In MDX every tag is closed. Write <${tag} … /> (self-closing), for example <img src="/img/teams.png" alt="…" />.`;
		}
		if (tag) return `Close <${tag}> with </${tag}> in the same paragraph. If "<${tag}>" is meant as text, write "\\<${tag}>".`;
	}
	if (error.source === 'mdast-util-mdx-jsx' && error.ruleId === 'unexpected-closing-slash') {
		return 'A closing tag here has no opening tag before it. Remove it, or write "\\</" to show it as text.';
	}
	if (error.source === 'micromark-extension-mdx-jsx') {
		if (/comment in MDX/.test(reason)) return 'MDX has no HTML comments (<!-- -->). Write a note as {/* note */}.';
		return lessThan;
	}
	if (error.source?.startsWith('micromark-extension-mdx-expression') || error.source?.startsWith('micromark-extension-mdxjs-esm')) {
		return brace;
	}
	return undefined;
}

/** The 1-based line and column of the mistake: the parser's place, or the range it names in its message. */
export function mdxErrorPlace(error: MdxParseError): { line: number; column: number } | undefined {
	// For a tag left open, the place is the paragraph around it; the message names the tag's own.
	const range = /\((\d+):(\d+)-\d+:\d+\)/.exec(error.reason ?? error.message);
	if (range) return { line: Number(range[1]), column: Number(range[2]) };
	const place = error.place;
	if (place?.start) return { line: place.start.line, column: place.start.column };
	if (place?.line !== undefined) return { line: place.line, column: place.column ?? 1 };
	return undefined;
}

function isMdxParseError(error: unknown): error is MdxParseError {
	const source = (error as MdxParseError | null)?.source;
	return typeof source === 'string' && /^(micromark-extension-mdx|mdast-util-mdx)/.test(source);
}

/**
 * Adds the fix and the right line to MDX parse errors when a build stops on one. Astro prints an
 * error's `hint` under its message, and its `loc` as the place; MDX's own errors have no hint, and
 * for an unclosed tag the place is line 0. The error object is the one Astro prints, so amending it
 * in `buildEnd` is enough (the dev server shows the parser's own message).
 */
export function mdxErrorHints(): Plugin {
	return {
		name: 'course:mdx-error-hints',
		buildEnd(error) {
			if (!error) return;
			const errors = (error as { errors?: unknown[] }).errors ?? [error];
			for (const each of errors) {
				if (!isMdxParseError(each)) continue;
				each.hint ??= mdxHint(each);
				const place = mdxErrorPlace(each);
				if (place && each.loc) each.loc = { ...each.loc, ...place };
			}
		},
	};
}

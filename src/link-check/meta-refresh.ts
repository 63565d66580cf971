/**
 * The URL in a `<meta http-equiv="refresh">` content value ("5; url=/new"), read as the HTML
 * standard's shared declarative refresh steps read it, or undefined when it only reloads the page
 * or cannot be parsed. The URL is returned as written, to be resolved against the page.
 */
export function refreshUrl(content: string): string | undefined {
	// A time (digits, possibly with a fraction), then a separator, then an optional `url=` and quote.
	const match = /^[\t\n\f\r ]*(?:\d+[\d.]*|\.[\d.]*)(.*)$/s.exec(content);
	if (!match) return undefined;
	const rest = match[1]!;
	if (rest === '' || !/^[;,\t\n\f\r ]/.test(rest)) return undefined;
	const url = /^[\t\n\f\r ]*[;,]?[\t\n\f\r ]*(?:url[\t\n\f\r ]*=[\t\n\f\r ]*)?(['"]?)(.*)$/is.exec(rest);
	if (!url) return undefined;
	const [, quote, text] = url;
	const value = quote && text!.includes(quote) ? text!.slice(0, text!.indexOf(quote)) : text!;
	return value.trim() === '' ? undefined : value;
}

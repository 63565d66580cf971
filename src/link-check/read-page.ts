import { declaredType, isHtmlType, sniffLength, sniffsAsHtml } from './content-type.ts';
import { createAnchorCollector, type PageHtml } from './html-anchors.ts';

/** What was read of a page's body. */
export interface PageBody {
	isHtml: boolean;
	/** The declared type, or "undeclared" when the browser would have to guess. */
	contentType: string;
	/** Present for HTML: its anchors and meta refresh. */
	html?: PageHtml;
	/** The body was longer than maxBytes and was cut there. */
	truncated: boolean;
}

/**
 * Reads at most maxBytes of the body (decoded bytes: fetch has already undone gzip, deflate or br,
 * so the cap also bounds a small download that inflates), collecting anchors as it goes, then
 * lets the connection go. A body that is not HTML is not read past its first bytes. A connection
 * that fails while the body arrives throws, for the caller to retry.
 */
export async function readPage(response: Response, maxBytes: number): Promise<PageBody> {
	const declared = declaredType(response.headers.get('content-type'));
	const contentType = declared?.essence ?? 'undeclared';
	if (!response.body) return { isHtml: declared !== undefined && isHtmlType(declared.essence), contentType, truncated: false };
	const reader = response.body.getReader();
	const pending: Uint8Array[] = [];
	const next = async (): Promise<Uint8Array | undefined> => pending.shift() ?? (await reader.read()).value;
	try {
		let isHtml: boolean;
		if (declared) {
			isHtml = isHtmlType(declared.essence);
		} else {
			// Without a declared type a browser sniffs the first bytes: gather them before deciding.
			for (let length = 0, chunk; length < sniffLength && (chunk = await next()); length += chunk.byteLength) pending.push(chunk);
			isHtml = sniffsAsHtml(Buffer.concat(pending));
		}
		if (!isHtml) return { isHtml, contentType, truncated: false };

		const collector = createAnchorCollector();
		const decoder = textDecoder(declared?.charset);
		let bytesRead = 0;
		let truncated = false;
		for (let chunk; (chunk = await next()); ) {
			const room = maxBytes - bytesRead;
			collector.write(decoder.decode(chunk.subarray(0, room), { stream: true }));
			bytesRead += Math.min(chunk.byteLength, room);
			if (chunk.byteLength >= room) {
				// After exactly maxBytes the page may have ended too: then nothing was cut.
				truncated = chunk.byteLength > room || ((await next())?.byteLength ?? 0) > 0;
				break;
			}
		}
		collector.write(decoder.decode());
		return { isHtml, contentType, html: collector.end(), truncated };
	} finally {
		await reader.cancel().catch(() => {});
	}
}

/** A decoder for the declared charset; UTF-8 when none is declared or the label is unknown. */
function textDecoder(charset: string | undefined): TextDecoder {
	try {
		return new TextDecoder(charset ?? 'utf-8');
	} catch {
		return new TextDecoder('utf-8');
	}
}

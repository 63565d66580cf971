/**
 * An axios adapter that sends each request with `fetch(…, { keepalive: true })`, so that a state
 * saved as the page is hidden, and `terminated` sent on pagehide, still reach the LRS after the
 * page is gone. Written here because the axios that @xapi/xapi bundles (1.6) has no fetch adapter
 * and its XMLHttpRequests are cancelled with the page.
 */
interface RequestConfig {
	method?: string;
	data?: unknown;
	headers?: { toJSON?: () => Record<string, string> } & Record<string, unknown>;
	validateStatus?: (status: number) => boolean;
}

export function keepaliveAdapter(uriOf: (config: RequestConfig) => string) {
	return async (config: RequestConfig) => {
		const headers = Object.fromEntries(
			Object.entries(config.headers?.toJSON?.() ?? config.headers ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
		);
		const response = await fetch(uriOf(config), {
			method: (config.method ?? 'get').toUpperCase(),
			headers,
			body: config.data === undefined || config.data === null ? undefined : (config.data as BodyInit),
			keepalive: true,
		});
		const text = await response.text();
		let data: unknown = text;
		try {
			data = text ? JSON.parse(text) : text;
		} catch {
			// Not JSON: the text as it came.
		}
		const result = { data, status: response.status, statusText: response.statusText, headers: Object.fromEntries(response.headers), config, request: null };
		if (config.validateStatus && !config.validateStatus(response.status)) {
			throw Object.assign(new Error(`Request failed with status code ${response.status}`), { response: result, config });
		}
		return result;
	};
}

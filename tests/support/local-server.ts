import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface LocalServer {
	/** The origin, e.g. http://127.0.0.1:41234 */
	url: string;
	/** Every request received, in order, with its time and headers. */
	requests: { method: string; path: string; at: number; headers: IncomingHttpHeaders }[];
	close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 and an ephemeral port, for the link checker to talk to instead of
 * the internet. close() also ends open connections, so a handler that never answers cannot keep
 * a test waiting.
 */
export async function startLocalServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LocalServer> {
	const requests: LocalServer['requests'] = [];
	const sockets = new Set<Socket>();
	const server = createServer((req, res) => {
		requests.push({ method: req.method ?? '', path: req.url ?? '', at: Date.now(), headers: req.headers });
		handler(req, res);
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('no port');
	return {
		url: `http://127.0.0.1:${address.port}`,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	if (address === null || typeof address === 'string') throw new Error('no port');
	return address.port;
}

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll } from 'vitest';
import { lookup } from 'mrmime';
import { projectRoot } from './paths.ts';
import { buildEnvironment } from './run-astro-build.ts';
import { runProcess } from './run-process.ts';
import { startLocalServer, type LocalServer } from './local-server.ts';

/** Where the SCORM package is unpacked, as Moodle does: deep, under a script's path. */
export const scormBase = '/pluginfile.php/42/mod_scorm/content/1/';
export const cmi5Base = '/cmi5/au/7/';

const outDir = fileURLToPath(new URL('../.output/lms/', import.meta.url));
let packages: Promise<{ scorm: string; cmi5: string }> | undefined;

/**
 * Both packages, built once per test run by `npm run package:lms`: the first worker to ask builds
 * them (two Astro builds of one project at once get in each other's way), the others wait for it.
 * The run is known by the parent process of the workers: Vitest itself.
 */
export function lmsPackages(): Promise<{ scorm: string; cmi5: string }> {
	return (packages ??= (async () => {
		const runDir = join(outDir, `run-${process.ppid}`);
		const done = join(runDir, 'paths.json');
		mkdirSync(outDir, { recursive: true });
		let builder = true;
		try {
			mkdirSync(runDir);
		} catch {
			builder = false;
		}
		if (builder) {
			const { code, output, stdout } = await runProcess(process.execPath, ['src/lms/package-lms.ts', runDir], { cwd: projectRoot, env: buildEnvironment(undefined) });
			const [scorm, cmi5] = stdout.trim().split('\n');
			writeFileSync(done, JSON.stringify(code === 0 ? { scorm, cmi5 } : { error: `npm run package:lms failed:\n${output}` }));
		}
		for (const started = Date.now(); !existsSync(done); ) {
			if (Date.now() - started > 300_000) throw new Error(`no packages in ${runDir} after 5 minutes`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		const result = JSON.parse(readFileSync(done, 'utf8')) as { scorm: string; cmi5: string; error?: string };
		if (result.error) throw new Error(result.error);
		return result;
	})());
}

/** A statement or state write the fake LRS received, in order. */
export interface LrsRecord {
	kind: 'statement' | 'state' | 'fetch';
	/** The fetch URL whose token sent it: which launch it came from. */
	session?: string;
	verb?: string;
	result?: { score?: { scaled?: number }; duration?: string };
	at: number;
}

export interface LmsServer extends LocalServer {
	/** What the fake LRS was sent, in order of arrival. */
	lrs: LrsRecord[];
	/** The State API documents kept, by registration. */
	states: Map<string, unknown>;
	/** A cmi5 launch URL for `registration`, with a fresh one-time fetch URL. */
	cmi5Launch(registration: string, options?: { launchMode?: string; masteryScore?: number; failWrites?: boolean }): string;
}

// The browser build (a script that defines Scorm12API), not the ES module.
const scormAgent = readFileSync(createRequire(import.meta.url).resolve('scorm-again/scorm12/min'), 'utf8');

/**
 * The LMS side of SCORM 1.2 for the tests, on a page of the LMS's origin: scorm-again's runtime as
 * `window.API`, loaded with the data a previous attempt left (`window.lmsSaved`), every call
 * logged in `window.lmsCalls`; `?fail` makes every write and commit refuse, as a broken LMS does.
 * The package's launch page opens in a frame, as Moodle shows it.
 */
const scormHarness = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Test LMS</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style>
<script>${scormAgent}</script>
<script>
const params = new URLSearchParams(location.search);
const runtime = new Scorm12API({ autocommit: false, logLevel: 5 });
runtime.loadFromJSON(window.lmsSaved ?? {}, '');
runtime.cmi.core.student_id = params.get('learner') ?? 'learner-1';
if (params.has('mastery')) runtime.cmi.student_data.mastery_score = params.get('mastery');
window.lmsCalls = [];
window.lmsFinished = false;
const failing = params.has('fail');
const refuse = ['LMSSetValue', 'LMSCommit'];
window.API = {};
for (const name of ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']) {
	window.API[name] = (...args) => {
		const result = failing && refuse.includes(name) ? 'false' : runtime[name](...args);
		window.lmsCalls.push([name, ...args, result]);
		if (name === 'LMSFinish') window.lmsFinished = true;
		return result;
	};
}
window.lmsData = () => JSON.parse(JSON.stringify(runtime.cmi));
window.closeContent = () => document.querySelector('iframe').remove();
</script></head><body><iframe title="Course" src="${scormBase}lms/launch.html"></iframe></body></html>`;

/** A 127.0.0.1 server with both packages unpacked, the SCORM harness and a fake cmi5 LRS. */
export async function startLmsServer(): Promise<LmsServer> {
	const zips = await lmsPackages();
	const unpacked = { [scormBase]: unzipSync(readFileSync(zips.scorm)), [cmi5Base]: unzipSync(readFileSync(zips.cmi5)) };
	const lrs: LrsRecord[] = [];
	const states = new Map<string, unknown>();
	const tokens = new Map<string, boolean>();
	const launches = new Map<string, { launchMode: string; masteryScore?: number; failWrites?: boolean }>();
	let nextToken = 0;

	const server = await startLocalServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const send = (status: number, body: string | Uint8Array = '', type = 'application/json') => {
			res.writeHead(status, { 'Content-Type': type });
			res.end(body);
		};
		if (url.pathname === '/lms/scorm.html') return send(200, scormHarness, 'text/html; charset=utf-8');
		for (const [base, files] of Object.entries(unpacked)) {
			if (!url.pathname.startsWith(base)) continue;
			const file = files[decodeURIComponent(url.pathname.slice(base.length))];
			return file ? send(200, file, lookup(url.pathname) ?? 'application/octet-stream') : send(404, 'not found', 'text/plain');
		}
		if (!url.pathname.startsWith('/lrs/')) return send(404, 'not found', 'text/plain');
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			const path = url.pathname.slice('/lrs/'.length);
			const registration = url.searchParams.get('registration') ?? '';
			const auth = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
			const session = auth && `${server.url}/lrs/${Buffer.from(auth, 'base64').toString().replace(/^token:/, '')}`;
			if (path.startsWith('fetch/')) {
				lrs.push({ kind: 'fetch', at: Date.now() });
				// The token is single-use, as the spec has it.
				if (!tokens.has(path) || tokens.get(path)) return send(200, JSON.stringify({ 'error-code': '1', 'error-text': 'already used' }));
				tokens.set(path, true);
				return send(200, JSON.stringify({ 'auth-token': Buffer.from(`token:${path}`).toString('base64') }));
			}
			if (path === 'activities/state') {
				const stateId = url.searchParams.get('stateId');
				if (stateId === 'LMS.LaunchData') {
					const launch = launches.get(registration) ?? { launchMode: 'Normal' };
					return send(
						200,
						JSON.stringify({
							contextTemplate: { contextActivities: { grouping: [{ id: 'urn:test:course' }] }, extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': `s-${registration}` } },
							launchMode: launch.launchMode,
							moveOn: 'CompletedAndPassed',
							...(launch.masteryScore === undefined ? {} : { masteryScore: launch.masteryScore }),
							returnURL: '/lms/return.html',
						}),
					);
				}
				if (req.method === 'GET') return states.has(registration) ? send(200, JSON.stringify(states.get(registration))) : send(404, '');
				// An LRS that takes the launch but refuses every write, as one that is failing does.
				if (launches.get(registration)?.failWrites) return send(500, '');
				states.set(registration, JSON.parse(body));
				lrs.push({ kind: 'state', session, at: Date.now() });
				return send(204);
			}
			if (path === 'agents/profile') return send(404, '');
			if (path === 'statements') {
				const statement = JSON.parse(body) as { id?: string; verb: { id: string }; result?: LrsRecord['result'] };
				lrs.push({ kind: 'statement', session, verb: statement.verb.id.split('/').at(-1), result: statement.result, at: Date.now() });
				return send(200, JSON.stringify([statement.id ?? 'id']));
			}
			return send(404, '');
		});
	});
	return {
		...server,
		lrs,
		states,
		cmi5Launch(registration, options = {}) {
			const token = `fetch/${nextToken++}`;
			tokens.set(token, false);
			launches.set(registration, { launchMode: options.launchMode ?? 'Normal', masteryScore: options.masteryScore, failWrites: options.failWrites });
			const query = new URLSearchParams({
				endpoint: `${server.url}/lrs/`,
				fetch: `${server.url}/lrs/${token}`,
				actor: JSON.stringify({ objectType: 'Agent', account: { homePage: 'https://lms.test', name: `learner-${registration}` } }),
				registration,
				activityId: 'urn:course:test/au',
			});
			return `${server.url}${cmi5Base}lms/launch.html?${query}`;
		},
	};
}

/**
 * For the tests of a describe block: one LMS server, started before them (building the packages
 * on first use) and closed after. The object is filled in when the block starts.
 */
export function useLmsServer(): LmsServer {
	const lms = {} as LmsServer;
	beforeAll(async () => {
		Object.assign(lms, await startLmsServer());
	}, 180_000);
	afterAll(() => lms.close?.());
	return lms;
}

/**
 * The cmi5 launch page's script: the module as one AU, through @xapi/cmi5. It opens the session
 * from the launch URL (a one-time token from `fetch`), reads LMS.LaunchData, keeps the progress in
 * the State API, and sends `completed`, then `passed` or `failed`, when the module earns them,
 * each after the state that explains it is saved, and `terminated` last, on pagehide.
 */
import Cmi5 from '@xapi/cmi5';
import type { Progress } from '../../progress/progress-store.ts';
import type { CourseMap } from '../course-map.ts';
import { moduleResult, passes } from '../module-result.ts';
import { decodeSuspendData, encodeSuspendData } from '../suspend-data.ts';
import { announceRecording, hostProgress, openModule, pageCourseMap, showNotice } from './launch-page.ts';
import { keepaliveAdapter } from './keepalive-adapter.ts';
import { withRetries } from './retry.ts';

/** The State API document this module keeps. */
interface SavedState {
	progress: string;
	completed?: boolean;
	passed?: boolean;
	failed?: boolean;
}

const stateId = 'course-progress';

/**
 * A session opened from a fetch URL, kept for a reload of this tab: the token is single-use, so a
 * reload must not ask for it again. Keyed by the fetch URL, never the registration alone: a
 * relaunch has the same registration and a new fetch URL, and must open a new session.
 */
const sessionKey = (fetchUrl: string) => `cmi5-session ${fetchUrl}`;

function savedSession(fetchUrl: string): { authToken: string; initializedDate: Date } | undefined {
	try {
		const saved = JSON.parse(sessionStorage.getItem(sessionKey(fetchUrl)) ?? 'null') as { authToken?: unknown; initializedDate?: unknown } | null;
		if (typeof saved?.authToken === 'string' && typeof saved.initializedDate === 'string') return { authToken: saved.authToken, initializedDate: new Date(saved.initializedDate) };
	} catch {
		// No session storage, or not ours: a new session.
	}
	return undefined;
}

function isState(value: unknown): value is SavedState {
	return typeof value === 'object' && value !== null && typeof (value as SavedState).progress === 'string';
}

async function start(map: CourseMap): Promise<void> {
	if (!Cmi5.isCmiAvailable) {
		showNotice('not-recorded');
		openModule(map);
		return;
	}
	const cmi5 = Cmi5.instance;
	const { fetch: fetchUrl, actor, registration, activityId } = cmi5.getLaunchParameters();
	try {
		await cmi5.initialize(savedSession(fetchUrl));
	} catch {
		if (!cmi5.isAuthenticated) {
			showNotice('failed');
			openModule(map);
			return;
		}
	}
	try {
		sessionStorage.setItem(sessionKey(fetchUrl), JSON.stringify({ authToken: cmi5.getAuthToken(), initializedDate: cmi5.getInitializedDate() }));
	} catch {
		// No session storage: a reload of this tab cannot resume, and says so as a failure.
	}
	// Every later request may outlive the page (a save as it is hidden, terminated on pagehide).
	const axios = cmi5.xapi!.getAxios();
	axios.defaults.adapter = keepaliveAdapter((config) => axios.getUri(config as never)) as never;

	const launchData = cmi5.getLaunchData();
	const recording = launchData.launchMode === 'Normal';
	const passMark = typeof launchData.masteryScore === 'number' ? launchData.masteryScore : map.passMark;
	const where = { agent: actor, activityId, registration, stateId };

	let saved: SavedState = { progress: '' };
	try {
		const response = await withRetries(async () => {
			try {
				return (await cmi5.xapi!.getState(where)).data as unknown;
			} catch (error) {
				// None saved yet.
				if ((error as { response?: { status?: number } }).response?.status === 404) return undefined;
				throw error;
			}
		});
		if (isState(response)) saved = response;
	} catch {
		showNotice('failed');
	}

	let active = recording;
	/** Each send waits for the one before: the LRS must receive them in this order. */
	let queue = Promise.resolve();
	/** Statements queued and not yet sent: terminated must come after them. */
	let statementsQueued = 0;
	let bestRatio = 0;
	const sent = (step: () => Promise<unknown>) =>
		withRetries(step).then(
			() => showNotice('saved-again'),
			() => showNotice('failed'),
		);
	const send = (step: () => Promise<unknown>, statement = false) => {
		if (statement) statementsQueued++;
		queue = queue.then(() => sent(step).finally(() => statement && statementsQueued--));
		return queue;
	};
	/** The state as last queued to save: a pagehide with nothing new sends only `terminated`. */
	let queuedState = JSON.stringify(saved);
	const saveState = () => {
		const state = { ...saved };
		queuedState = JSON.stringify(state);
		return send(() => cmi5.xapi!.setState({ ...where, state }));
	};

	const record = (now: Progress) => {
		if (!active) return;
		const result = moduleResult(now, map);
		bestRatio = Math.max(bestRatio, result.ratio);
		saved.progress = encodeSuspendData(now, map);
		void saveState();
		if (!result.complete) return;
		if (!saved.completed) {
			saved.completed = true;
			void saveState();
			void send(() => cmi5.complete(), true);
		}
		const passed = passes({ ...result, ratio: bestRatio }, passMark);
		const score = { scaled: bestRatio, raw: Math.round(bestRatio * result.total), min: 0, max: result.total };
		if (passed === true && !saved.passed) {
			saved.passed = true;
			void saveState();
			void send(() => cmi5.pass(score), true);
		} else if (passed === false && !saved.passed && !saved.failed) {
			saved.failed = true;
			void saveState();
			void send(() => cmi5.fail(score), true);
		}
	};

	const progress = decodeSuspendData(saved.progress, map);
	hostProgress(progress, record);
	openModule(map);
	if (!active) return;

	document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && active && JSON.stringify(saved) !== queuedState && void saveState());
	let terminated: Promise<void> | undefined;
	const terminate = (): Promise<void> => {
		if (terminated) return terminated;
		active = false;
		if (JSON.stringify(saved) !== queuedState) void saveState();
		// A page that is going runs no more of the queue: terminated waits only for statements (no
		// statement may follow it), and goes at once after a state save, which keepalive completes.
		terminated = statementsQueued > 0 ? send(() => cmi5.terminate(), true) : sent(() => cmi5.terminate());
		try {
			sessionStorage.removeItem(sessionKey(fetchUrl));
		} catch {
			// Storage refused (or the page is already going): a reload finds a spent token either way.
		}
		return terminated;
	};
	addEventListener('pagehide', () => void terminate());
	// Where the LMS wants the learner when they are done: leaving that way ends the session first, so
	// the LMS has the learner's terminated statement when it shows its page.
	const { returnURL } = launchData;
	if (typeof returnURL === 'string' && returnURL) {
		const exit = document.getElementById('lms-exit')!;
		exit.hidden = false;
		exit.addEventListener('click', () => void terminate().then(() => location.assign(returnURL)));
	}
	announceRecording(`cmi5:${registration}:${JSON.stringify(actor)}`, () => {
		void terminate();
		showNotice('handed-over');
	});
}

void start(pageCourseMap());

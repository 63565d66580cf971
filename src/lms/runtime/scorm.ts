/**
 * The SCORM 1.2 launch page's script: one session for the whole module. It finds the LMS's API
 * (ADL's discovery: parent frames, then the opener and its parents), initialises once, keeps the
 * session while the learner moves between pages in the frame below it, sends each change of
 * progress, commits when the page is hidden, and finishes on its own pagehide (Moodle's frame can
 * block `unload`). A page-per-session design breaks: after LMSFinish, LMSInitialize fails.
 */
import type { Progress } from '../../progress/progress-store.ts';
import type { CourseMap } from '../course-map.ts';
import { moduleResult, passes } from '../module-result.ts';
import { decodeSuspendData, encodeSuspendData } from '../suspend-data.ts';
import { announceRecording, hostProgress, openModule, pageCourseMap, showNotice } from './launch-page.ts';
import { delay, retryDelays, tryNow } from './retry.ts';
import { scormStatus, scormTime } from './scorm-values.ts';

interface Scorm12Api {
	LMSInitialize(arg: ''): unknown;
	LMSFinish(arg: ''): unknown;
	LMSGetValue(name: string): unknown;
	LMSSetValue(name: string, value: string): unknown;
	LMSCommit(arg: ''): unknown;
}

/** ADL's limit on frames to climb; an LMS nests the content a few deep at most. */
const maxDepth = 7;

function apiIn(start: Window | null): Scorm12Api | undefined {
	let win = start;
	for (let depth = 0; win && depth <= maxDepth; depth++) {
		try {
			const api = (win as Window & { API?: Scorm12Api }).API;
			if (api && typeof api.LMSInitialize === 'function') return api;
		} catch {
			// A frame from another origin: its API could not be used anyway.
		}
		if (win.parent === win) break;
		win = win.parent;
	}
	return undefined;
}

export function findApi(): Scorm12Api | undefined {
	return apiIn(window.parent === window ? null : window.parent) ?? apiIn(window.opener as Window | null);
}

function start(map: CourseMap): void {
	const api = findApi();
	if (!api) {
		showNotice('not-recorded');
		openModule(map);
		return;
	}
	const call = (name: keyof Scorm12Api, ...args: string[]): string => {
		try {
			return String((api[name] as (...values: string[]) => unknown)(...(args.length > 0 ? args : [''])));
		} catch {
			return 'false';
		}
	};
	const get = (name: string) => call('LMSGetValue', name);

	void (async () => {
		let open = false;
		for (const wait of [0, ...retryDelays]) {
			await delay(wait);
			if ((open = call('LMSInitialize') === 'true')) break;
		}
		if (!open) {
			showNotice('failed');
			openModule(map);
			return;
		}
		const began = Date.now();
		const statusBefore = get('cmi.core.lesson_status');
		const scoreBefore = Number.parseFloat(get('cmi.core.score.raw'));
		const mastery = Number.parseFloat(get('cmi.student_data.mastery_score'));
		// The LMS's mastery score, when it has one, is what the administrator set for this module.
		const passMark = mastery >= 0 && mastery <= 100 ? mastery / 100 : map.passMark;
		const browsing = ['browse', 'review'].includes(get('cmi.core.lesson_mode'));
		const progress = decodeSuspendData(get('cmi.suspend_data'), map);
		let status = statusBefore;
		let best = Number.isFinite(scoreBefore) ? scoreBefore : 0;
		let bestRatio = 0;
		let recording = !browsing;
		let finished = false;
		let pending: Record<string, string> = {};
		let failures = 0;
		let commitTimer = 0;

		/** Sends what is pending and commits; false when the LMS refused. */
		const flush = (): boolean => {
			for (const [name, value] of Object.entries(pending)) {
				if (!tryNow(() => call('LMSSetValue', name, value) === 'true')) return false;
				delete pending[name];
			}
			return tryNow(() => call('LMSCommit') === 'true');
		};

		/** Commits soon, and again with growing waits while the LMS refuses, saying so when it keeps refusing. */
		const commitSoon = (wait = 1000) => {
			clearTimeout(commitTimer);
			commitTimer = window.setTimeout(() => {
				if (!recording) return;
				if (flush()) {
					if (failures > 0) showNotice('saved-again');
					failures = 0;
					return;
				}
				failures++;
				if (failures >= retryDelays.length) showNotice('failed');
				commitSoon(retryDelays[Math.min(failures, retryDelays.length - 1)]! * 2);
			}, wait);
		};

		const record = (now: Progress) => {
			if (!recording) return;
			const result = moduleResult(now, map);
			bestRatio = Math.max(bestRatio, result.ratio);
			// A "Try again" clears an answer; the score already earned stays.
			best = Math.max(best, Math.round(result.ratio * 100));
			status = scormStatus(status, result.complete, passes({ ...result, ratio: bestRatio }, passMark));
			const final = status === 'completed' || status === 'passed';
			const last = now.last && map.lessons.find((lesson) => lesson.id === now.last!.lesson);
			pending = {
				...pending,
				'cmi.core.lesson_status': status,
				'cmi.core.score.min': '0',
				'cmi.core.score.max': '100',
				'cmi.core.score.raw': String(best),
				'cmi.suspend_data': encodeSuspendData(now, map),
				'cmi.core.exit': final ? '' : 'suspend',
				...(last ? { 'cmi.core.lesson_location': `${last.page}#${now.last!.heading}`.slice(0, 255) } : {}),
			};
			commitSoon();
		};

		const finish = () => {
			if (finished || !recording) return;
			finished = true;
			clearTimeout(commitTimer);
			pending['cmi.core.session_time'] = scormTime(Date.now() - began);
			if (!(status === 'completed' || status === 'passed')) pending['cmi.core.exit'] = 'suspend';
			flush();
			tryNow(() => call('LMSFinish') === 'true');
		};

		hostProgress(progress, record);
		openModule(map, get('cmi.core.lesson_location'));
		if (!recording) return;
		record(progress);
		document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && recording && flush());
		addEventListener('pagehide', finish);
		announceRecording(`scorm:${get('cmi.core.student_id')}`, () => {
			finish();
			recording = false;
			showNotice('handed-over');
		});
	})();
}

start(pageCourseMap());

/**
 * The launch page of a package, whatever the protocol: it shows the module in a frame under a
 * line for notices, keeps the learner's progress for the pages in that frame (they find it as
 * `parent.lmsProgressStorage`, see page-bridge.ts), and tells other launch pages of the same
 * learner when it starts recording, so that an older window hands over.
 */
import { parseProgress, serializeProgress, type Progress, type ProgressStorage } from '../../progress/progress-store.ts';
import type { CourseMap } from '../course-map.ts';

export type Notice = 'not-recorded' | 'failed' | 'handed-over' | 'saved-again';

const wording: Record<Notice, string> = {
	'not-recorded': 'Your progress is not recorded: this module was opened outside a course platform. Everything works, but answers and completion stay on this device only.',
	failed: 'Your progress could not be saved to the course platform. Keep working: saving is tried again as you go.',
	'handed-over': 'This module is now open in another window, which records your progress. Changes made here are no longer saved.',
	'saved-again': '',
};

export function pageCourseMap(): CourseMap {
	return JSON.parse(document.getElementById('lms-course')!.textContent!) as CourseMap;
}

/** Shows a notice above the module; a failure is announced at once, and "saved-again" clears it. */
export function showNotice(notice: Notice): void {
	const urgent = document.getElementById('lms-alert')!;
	if (notice === 'saved-again') {
		urgent.hidden = true;
		return;
	}
	const element = notice === 'failed' ? urgent : document.getElementById('lms-status')!;
	element.textContent = wording[notice];
	element.hidden = false;
}

/** Opens the module in the frame: at `page` (from the package root) when it is one of its pages. */
export function openModule(map: CourseMap, page?: string): void {
	const frame = document.getElementById('lms-module') as HTMLIFrameElement;
	const [path = '', hash = ''] = (page ?? '').split('#');
	const known = map.lessons.some((lesson) => lesson.page === path);
	frame.src = known ? `../${path}${hash ? `#${encodeURIComponent(hash)}` : ''}` : '../index.html';
}

/**
 * Holds the progress for the module's pages; `onChange` hears each change they save. Only the
 * progress goes through it (progress-store is its one user), so it keeps one value.
 */
export function hostProgress(initial: Progress, onChange: (progress: Progress) => void): void {
	let value = serializeProgress(initial);
	const storage: ProgressStorage = {
		getItem: () => value,
		setItem: (_key, next) => {
			value = next;
			onChange(parseProgress(next));
		},
	};
	(window as { lmsProgressStorage?: ProgressStorage }).lmsProgressStorage = storage;
}

const channelName = 'course-lms-sessions';

/**
 * Says to other launch pages of this package, in this browser, that this one records for
 * `learner` (an LMS learner id or a cmi5 registration) from now on; calls `onReplaced` when a later
 * one says the same for the same learner. Another learner's window is never touched. Call it only
 * once the session is open and recording: a launch that fails, has no LMS or only browses must not
 * end the session that works.
 */
export function announceRecording(learner: string, onReplaced: () => void): void {
	if (typeof BroadcastChannel !== 'function') return;
	const id = `${Date.now()}-${Math.random()}`;
	const channel = new BroadcastChannel(channelName);
	channel.onmessage = (event: MessageEvent<{ learner?: unknown; id?: unknown }>) => {
		if (event.data?.learner === learner && event.data.id !== id) {
			channel.close();
			onReplaced();
		}
	};
	channel.postMessage({ learner, id });
}

/**
 * What a learner has done, kept in their browser only (localStorage, one key per module): the
 * answers they checked, the lessons they marked complete, the last section they read, and the
 * questions they review over days. Nothing is sent anywhere. Every read is checked: saved data that is malformed, from another version, or that
 * storage cannot give (private browsing, blocked site data, a full quota) is dropped or ignored,
 * never thrown, so a page always works.
 */

/** The one key every module of the course used before progress was kept per module. */
export const legacyStorageKey = 'mlops-course-progress';
/**
 * This module's key: modules hosted on one origin (a user site, one CloudFront distribution) have
 * different base paths, so neither sees, resumes into or resets the other's progress.
 */
export const storageKey = `${legacyStorageKey}:${import.meta.env.BASE_URL}`;
export const version = 1;
const changeEvent = 'course-progress';

/** A checked knowledge check: the options chosen (by position) and whether that was right. */
export interface SavedAnswer {
	choices: number[];
	right: boolean;
}

export interface LessonProgress {
	/** Checked answers, by the check's key (a hash of its question and options). */
	answers: Record<string, SavedAnswer>;
	/** The learner marked the lesson complete. */
	marked?: boolean;
	/** Complete as last seen on its page (marked, or every check on it right), for other pages' sidebar. */
	complete?: boolean;
	/** The learner has read some of it. */
	seen?: boolean;
	/**
	 * Review cards of the checks answered, by the check's key, as stored: each is checked field by
	 * field where it is used (validCards in review-cards.ts), which only the pages and moments that
	 * review need, so a lesson's first load does not carry that code.
	 */
	cards?: Record<string, unknown>;
}

export interface Progress {
	lessons: Record<string, LessonProgress>;
	/** The section heading the learner last had in view. */
	last?: { lesson: string; heading: string; text: string };
}

type Data = Record<string, unknown>;
const isData = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);
const entries = (value: unknown) => Object.entries(isData(value) ? value : {});

/** Saved progress as far as it can be trusted; anything else is left out. */
export function parseProgress(raw: string | null): Progress {
	const progress: Progress = { lessons: {} };
	let data: unknown;
	try {
		data = JSON.parse(raw ?? '0');
	} catch {
		return progress;
	}
	if (!isData(data) || data.v !== version) return progress;
	for (const [id, lesson] of entries(data.lessons)) {
		if (!isData(lesson)) continue;
		const saved: LessonProgress = { answers: {} };
		for (const [key, answer] of entries(lesson.answers)) {
			const { choices, right } = isData(answer) ? answer : {};
			if (typeof right === 'boolean' && Array.isArray(choices) && choices.every((c) => Number.isInteger(c) && c >= 0)) {
				saved.answers[key] = { choices, right };
			}
		}
		for (const flag of ['marked', 'complete', 'seen'] as const) if (lesson[flag] === true) saved[flag] = true;
		if (isData(lesson.cards)) saved.cards = { ...lesson.cards };
		progress.lessons[id] = saved;
	}
	const last = isData(data.last) ? data.last : {};
	if ([last.lesson, last.heading, last.text].every((value) => typeof value === 'string')) progress.last = last as Progress['last'];
	return progress;
}

/** What progress-store needs of a storage: the two calls of localStorage it makes. */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * localStorage, unless the page was given another store before its modules ran
 * (`globalThis.courseProgressStorage`): an LMS package's pages keep progress in the launch page
 * that holds the LMS session, since the LMS's data is the truth there (src/lms/).
 */
function progressStorage(): ProgressStorage {
	return (globalThis as { courseProgressStorage?: ProgressStorage }).courseProgressStorage ?? localStorage;
}

/** Progress as saved: what loadProgress reads back. */
export function serializeProgress(progress: Progress): string {
	return JSON.stringify({ v: version, ...progress });
}

/** Progress this page could not save (storage full or blocked): it still holds until the page closes. */
let unsaved: string | undefined;

/**
 * What storage holds for this module; until this module first saves, what the site saved before
 * progress was kept per module. The old key stays for the other modules on the origin, and the
 * first save (opening a lesson, an answer, a reset, which saves empty progress rather than removing
 * the key) moves this module to its own key for good.
 */
function readStored(): string | null {
	const storage = progressStorage();
	return storage.getItem(storageKey) ?? storage.getItem(legacyStorageKey);
}

/** The learner's progress; fresh when there is none, or none that can be read. */
export function loadProgress(): Progress {
	try {
		return parseProgress(unsaved !== undefined ? unsaved : readStored());
	} catch {
		return parseProgress(null);
	}
}

function save(value: string): void {
	try {
		progressStorage().setItem(storageKey, value);
		unsaved = undefined;
	} catch {
		unsaved = value;
	}
	dispatchEvent(new Event(changeEvent));
}

/**
 * Changes the progress and saves it, reading it again first so that another tab's changes are kept.
 * When storage refuses the write, the change still holds for this page.
 */
export function updateProgress(change: (progress: Progress) => void): void {
	const progress = loadProgress();
	change(progress);
	save(serializeProgress(progress));
}

/** Forgets everything this module saved for the learner: what is left is empty progress. */
export function resetProgress(): void {
	updateProgress((progress) => {
		progress.lessons = {};
		delete progress.last;
	});
}

/** Calls `listener` whenever progress changes, in this tab or another. */
export function onProgressChange(listener: () => void): void {
	addEventListener(changeEvent, listener);
	addEventListener('storage', (event) => (event.key === storageKey || event.key === null) && listener());
}

export type LessonStatus = { state: 'not-started' } | { state: 'complete' } | { state: 'in-progress'; right: number; total: number };

/**
 * Where a learner stands in a lesson with the given checks: complete when marked so or when every
 * check is answered right; in progress once anything is answered or read.
 */
export function lessonStatus(progress: Progress, lesson: string, checkKeys: readonly string[]): LessonStatus {
	const saved = progress.lessons[lesson];
	const answers = checkKeys.flatMap((key) => saved?.answers[key] ?? []);
	const right = answers.filter((answer) => answer.right).length;
	if (saved?.marked || (checkKeys.length > 0 && right === checkKeys.length)) return { state: 'complete' };
	if (answers.length > 0 || saved?.seen) return { state: 'in-progress', right, total: checkKeys.length };
	return { state: 'not-started' };
}

/** The lesson this page shows (named by its progress element) and the keys of its knowledge checks. */
export function pageLesson(): { id: string; checkKeys: string[] } | undefined {
	const id = document.querySelector<HTMLElement>('lesson-progress')?.dataset.lesson;
	const checkKeys = [...document.querySelectorAll<HTMLElement>('knowledge-check[data-key]')].map((check) => check.dataset.key!);
	return id ? { id, checkKeys } : undefined;
}

/**
 * Changes this page's lesson in the learner's progress, forgets answers to checks the lesson no
 * longer has, and notes whether the lesson is now complete.
 */
export function updateLesson(change: (lesson: LessonProgress, progress: Progress) => void): void {
	const page = pageLesson();
	if (!page) return;
	updateProgress((progress) => {
		const lesson = (progress.lessons[page.id] ??= { answers: {} });
		change(lesson, progress);
		lesson.seen = true;
		for (const key in lesson.answers) if (!page.checkKeys.includes(key)) delete lesson.answers[key];
		lesson.complete = lessonStatus(progress, page.id, page.checkKeys).state === 'complete' || undefined;
	});
}

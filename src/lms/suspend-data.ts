/**
 * The learner's progress in a few characters, for SCORM 1.2's `cmi.suspend_data` (4,096
 * characters at most) and the cmi5 State API. JSON of the progress with each check's 40-odd
 * character key would not fit a large module, so lessons and checks are named by position in the
 * course map, each lesson tagged with a hash of its id and one of its checks' keys: data saved by an
 * older build (a lesson moved, a check changed) or by another course is recognised and left out
 * instead of being read as the wrong answers.
 *
 *   S1 <course tag:4> | <lesson>,<lesson>... | <last read>
 *   lesson: <id tag:3><flags:1><checks tag:2><answer:2 per check>   ("AA" = not answered)
 *   answer: bit 0 right, bits 1-11 the options chosen
 *   last read: <lesson tag:3>~<heading id>~<heading text> (URI-encoded)
 */
import type { LessonProgress, Progress } from '../progress/progress-store.ts';
import type { CourseMap } from './course-map.ts';

/** SCORM 1.2's limit on cmi.suspend_data. */
export const suspendDataLimit = 4096;

const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const prefix = 'S1';
const flagNames = ['marked', 'complete', 'seen'] as const;
/** Options 0 to 10 fit in two digits beside the "right" bit. */
const maxOption = 10;

function toDigits(value: number, length: number): string {
	let text = '';
	for (let i = 0; i < length; i++) text = digits[(value >> (6 * i)) & 63] + text;
	return text;
}

function fromDigits(text: string): number {
	let value = 0;
	for (const char of text) {
		const digit = digits.indexOf(char);
		if (digit < 0) return NaN;
		value = value * 64 + digit;
	}
	return value;
}

/** FNV-1a, cut to `length` digits: a tag, not a secret. */
function tag(text: string, length: number): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return toDigits(hash, length);
}

const escape = (text: string) => encodeURIComponent(text).replaceAll('~', '%7E');

function encodeLesson(id: string, checks: readonly string[], saved: LessonProgress | undefined, withAnswers: boolean): string {
	const flags = flagNames.reduce((bits, name, bit) => bits | (saved?.[name] ? 1 << bit : 0), 0);
	// Left out, the answers take no room at all; decoding then finds none.
	const answers = (withAnswers ? checks : []).map((key) => {
		const answer = saved?.answers[key];
		if (!answer || answer.choices.some((choice) => choice > maxOption)) return 'AA';
		const chosen = answer.choices.reduce((bits, choice) => bits | (1 << (choice + 1)), 0);
		return toDigits(chosen | (answer.right ? 1 : 0), 2);
	});
	return tag(id, 3) + digits[flags] + tag(checks.join(' '), 2) + answers.join('');
}

/**
 * Progress as suspend data no longer than `limit`. When it would be longer, the last section read
 * goes first, then the answers of complete lessons, then all answers: which lessons are complete is
 * always kept, and the LMS keeps the status it was told.
 */
export function encodeSuspendData(progress: Progress, map: CourseMap, limit = suspendDataLimit): string {
	const last = progress.last && map.lessons.some((lesson) => lesson.id === progress.last!.lesson) ? progress.last : undefined;
	const attempt = (withLast: 'all' | 'heading' | 'none', answers: (id: string) => boolean) => {
		const lessons = map.lessons.map((lesson) => encodeLesson(lesson.id, lesson.checks, progress.lessons[lesson.id], answers(lesson.id)));
		const lastText = !last || withLast === 'none' ? '' : [tag(last.lesson, 3), escape(last.heading), withLast === 'all' ? escape(last.text) : ''].join('~');
		return `${prefix}${tag(map.identifier, 4)}|${lessons.join(',')}|${lastText}`;
	};
	const complete = (id: string) => Boolean(progress.lessons[id]?.complete || progress.lessons[id]?.marked);
	const tries = [
		() => attempt('all', () => true),
		() => attempt('heading', () => true),
		() => attempt('none', () => true),
		() => attempt('none', (id) => !complete(id)),
		() => attempt('none', () => false),
	];
	for (const next of tries) {
		const text = next();
		if (text.length <= limit) return text;
	}
	return tries.at(-1)!().slice(0, limit);
}

/**
 * Progress from suspend data; empty when the data is not ours (another course, another format,
 * damaged). Lessons the course no longer has, and answers to checks that changed, are left out.
 */
export function decodeSuspendData(text: unknown, map: CourseMap): Progress {
	const progress: Progress = { lessons: {} };
	if (typeof text !== 'string' || !text.startsWith(prefix + tag(map.identifier, 4) + '|')) return progress;
	const [, lessonsText = '', lastText = ''] = text.split('|');
	const byTag = new Map(map.lessons.map((lesson) => [tag(lesson.id, 3), lesson]));
	for (const entry of lessonsText.split(',')) {
		const lesson = byTag.get(entry.slice(0, 3));
		const flags = fromDigits(entry.slice(3, 4));
		if (!lesson || !(flags >= 0 && flags < 8)) continue;
		const saved: LessonProgress = { answers: {} };
		flagNames.forEach((name, bit) => flags & (1 << bit) && (saved[name] = true));
		const answers = entry.slice(6);
		if (entry.slice(4, 6) === tag(lesson.checks.join(' '), 2) && answers.length === lesson.checks.length * 2) {
			lesson.checks.forEach((key, index) => {
				const value = fromDigits(answers.slice(index * 2, index * 2 + 2));
				if (!(value > 1)) return;
				const choices = [...Array(maxOption + 1).keys()].filter((choice) => value & (1 << (choice + 1)));
				saved.answers[key] = { choices, right: (value & 1) === 1 };
			});
		}
		progress.lessons[lesson.id] = saved;
	}
	const [lastTag, heading, headingText = ''] = lastText.split('~');
	const lastLesson = lastTag && byTag.get(lastTag);
	if (lastLesson && heading) {
		try {
			progress.last = { lesson: lastLesson.id, heading: decodeURIComponent(heading), text: decodeURIComponent(headingText) };
		} catch {
			// A damaged section name: the rest of the progress still holds.
		}
	}
	return progress;
}

import { globSync, readdirSync, statSync, type Stats } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A file, folder or pattern that cannot be read as lessons. */
export class InputError extends Error {}

const lessonExtensions = new Set(['.md', '.mdx']);

/**
 * The lesson files that the given paths name, as absolute paths: files and folders, relative to
 * `cwd` or absolute (as editors pass them), and glob patterns such as 'src/**\/*.mdx' that the
 * shell left quoted. Each folder's lessons are sorted; each file comes once.
 */
export function lessonFiles(paths: string[], cwd: string): string[] {
	const files = new Set<string>();
	for (const path of paths) {
		const full = resolve(cwd, path);
		const stats = statIfAny(full);
		let found: string[];
		if (stats?.isDirectory()) {
			found = lessonsIn(full);
		} else if (stats) {
			if (!isLesson(full)) throw new InputError(`${path}: not a lesson file (.md or .mdx)`);
			found = [full];
		} else if (/[*?[\]{}]/.test(path)) {
			const matches = globSync(path, { cwd }).map((match) => resolve(cwd, match)).sort();
			found = matches.flatMap((match) => (statSync(match).isDirectory() ? lessonsIn(match) : isLesson(match) ? [match] : []));
			if (found.length === 0) throw new InputError(`${path}: matches no lesson file (.md or .mdx)`);
		} else {
			throw new InputError(`${path}: no such file or folder`);
		}
		for (const file of found) files.add(file);
	}
	return [...files];
}

/** How a file is named in the report: relative to `cwd` with `/` when it lies inside, else absolute. */
export function displayPath(file: string, cwd: string): string {
	const shown = relative(cwd, file);
	return shown.startsWith('..') || isAbsolute(shown) ? file : shown.split(sep).join('/');
}

function lessonsIn(folder: string): string[] {
	return readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.filter(isLesson)
		.sort()
		.map((name) => join(folder, name));
}

function isLesson(path: string): boolean {
	return lessonExtensions.has(extname(path));
}

function statIfAny(path: string): Stats | undefined {
	try {
		return statSync(path);
	} catch {
		return undefined;
	}
}

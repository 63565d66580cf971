import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docsLoader } from '@astrojs/starlight/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import type { z } from 'astro/zod';
import { frontmatterKeyPosition, frontmatterProblems, type FrontmatterProblem } from './frontmatter-problems.ts';

/**
 * Starlight's docs loader, with the mistakes a maintainer makes in a lesson's frontmatter or file
 * name reported in words they can act on:
 *
 * - frontmatter: every problem of every file at once, each with the file, the line of its key, what
 *   was expected and, for a misspelt key, the key that was meant (Astro's own message names the entry
 *   id, points at line 0 and carries Markdown bold marks);
 * - two files that would publish at the same address (`x.mdx` and `x/index.mdx`, or a `slug:` that
 *   repeats another): the build stops and names both files (Astro would keep one and drop the other
 *   with a warning).
 */
export function lessonsLoader(options: { schema: z.ZodType }): Loader {
	const docs = docsLoader();
	return {
		name: 'course-docs-loader',
		load: async (context) => {
			const root = fileURLToPath(context.config.root);
			const shown = (file: string) => relative(root, file).split('\\').join('/');
			const problems: { file: string; problem: FrontmatterProblem }[] = [];
			const fileById = new Map<string, string>();
			let loading = true;

			const parseData: LoaderContext['parseData'] = async (props) => {
				const file = props.filePath;
				if (!file) return context.parseData(props);
				const earlier = fileById.get(props.id);
				if (earlier && earlier !== file && existsSync(earlier)) {
					throw sameAddressError(props.id, [earlier, file].sort().map((path) => `${shown(path)}:${slugLine(path)}`));
				}
				fileById.set(props.id, file);
				const found = frontmatterProblems(readFileSync(file, 'utf8'), props.data, options.schema);
				if (found.length === 0) return context.parseData(props);
				const entries = found.map((problem) => ({ file: shown(file), problem }));
				// While a dev server watches, one edit is judged at a time.
				if (!loading) throw frontmatterError(entries);
				problems.push(...entries);
				// Kept as written: the build stops below, once every file has been read.
				return props.data;
			};

			try {
				await docs.load({ ...context, parseData });
			} finally {
				loading = false;
			}
			if (problems.length > 0) throw frontmatterError(problems);
		},
	};
}

function frontmatterError(problems: { file: string; problem: FrontmatterProblem }[]): Error {
	const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.problem.line - b.problem.line);
	const lines = sorted.map(({ file, problem }) => `${file}:${problem.line}:${problem.column}\n  ${problem.message}`);
	const count = problems.length === 1 ? 'a mistake' : `${problems.length} mistakes`;
	return userError(
		'LessonFrontmatterError',
		`The lessons' frontmatter has ${count}:\n\n${lines.join('\n\n')}\n`,
		'The frontmatter fields, and what each one takes, are listed in docs/authoring.md (section "Frontmatter").',
	);
}

/** The line that gives a file its address: its `slug:` if it has one, else the top of the file. */
function slugLine(file: string): string {
	const { line, column } = frontmatterKeyPosition(readFileSync(file, 'utf8'), ['slug']);
	return `${line}:${column}`;
}

function sameAddressError(id: string, places: string[]): Error {
	return userError(
		'DuplicateLessonAddressError',
		`Two files would publish the page /${id}/:\n\n${places.map((place) => `  ${place}`).join('\n')}\n`,
		'Keep one of them: rename or delete the other, or give one of them its own `slug:` in its frontmatter.',
	);
}

/** An error Astro prints as its name, message and hint; a stack trace would only point into this file. */
function userError(name: string, message: string, hint: string): Error {
	const error = new AstroError(message, hint);
	error.name = name;
	error.stack = '';
	return error;
}

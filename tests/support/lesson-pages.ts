import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { readBuiltPage } from './built-page.ts';
import { builtSiteDir, projectRoot, testRepositoryUrl } from './paths.ts';
import { lessonRoutes } from './site-pages.ts';

/** The prefix of every "Edit this page" link of the test build; the rest is the file's path. */
export const editLinkPrefix = `${testRepositoryUrl}/edit/main/`;

export interface LessonPage {
	route: string;
	/** The lesson's source file, relative to the project root, read from its "Edit this page" link. */
	file: string;
	page: ReturnType<typeof readBuiltPage>;
}

/** Every lesson of the test build with the file it was built from. */
export function lessonPages(): LessonPage[] {
	return lessonRoutes(builtSiteDir).map((route) => {
		const page = readBuiltPage(route);
		const href = String(page.select('a[href^="' + editLinkPrefix + '"]')?.properties.href ?? '');
		return { route, file: href.slice(editLinkPrefix.length), page };
	});
}

/**
 * Why the project's git history cannot be read (a tree unpacked from a downloaded archive has no
 * `.git`), or undefined when it can. Starlight then shows no dates, and there is nothing to compare.
 */
export function gitHistoryMissing(): string | undefined {
	try {
		execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: projectRoot, stdio: 'ignore' });
		return undefined;
	} catch (error) {
		const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : `${projectRoot} is not in a git repository (no .git)`;
		return `no git history to compare the "Last updated" dates with: ${reason}`;
	}
}

/**
 * The date of the last commit that changed a file (a merge changes nothing by itself), as Starlight
 * shows it; undefined for a file never committed.
 */
export function lastCommitDate(file: string): string | undefined {
	const output = execFileSync('git', ['log', '-1', '--no-merges', '--format=%ct', '--', file], { cwd: projectRoot, encoding: 'utf8' }).trim();
	return output ? new Date(Number(output) * 1000).toISOString() : undefined;
}

export function sourcePath(lesson: LessonPage): string {
	return join(projectRoot, lesson.file);
}

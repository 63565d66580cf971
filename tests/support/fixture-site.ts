import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureSitesDir, projectRoot } from './paths.ts';
import { runAstroBuild, type BuildResult } from './run-astro-build.ts';
import { writeFiles } from './write-files.ts';

const projectFiles = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public'];

/**
 * Builds a scratch copy of the site with some files added or replaced, to show what a
 * maintainer's mistake does to the build. The copy gets its own node_modules, made of hard
 * links (fast, no disk): a symlink would put Starlight outside the copy's root, and Vite then
 * builds it without the base path. Caches are dropped so no build writes through a shared inode.
 */
export async function buildFixtureSite(
	name: string,
	files: Record<string, string | Buffer>,
	env?: NodeJS.ProcessEnv,
): Promise<BuildResult & { root: string; dist: string }> {
	const root = join(fixtureSitesDir, name);
	rmSync(root, { recursive: true, force: true });
	mkdirSync(root, { recursive: true });
	for (const entry of projectFiles) cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
	execFileSync('cp', ['-al', join(projectRoot, 'node_modules'), join(root, 'node_modules')]);
	for (const cache of ['.astro', '.vite', '.cache']) rmSync(join(root, 'node_modules', cache), { recursive: true, force: true });
	writeFiles(root, files);
	const dist = join(root, 'dist');
	const result = await runAstroBuild({ root, outDir: dist, env });
	return { ...result, root, dist };
}

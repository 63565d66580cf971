import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/paths.ts';

/**
 * The modules of src/ form layers that read top to bottom (the course and its config, then plugins,
 * then images, then components): a module never imports, directly or through others, a module that
 * imports it back. A loop makes the order in which modules run depend on which one is imported
 * first, and a layer that cannot be read, tested or moved without the other.
 *
 * The graph is walked here rather than with a dependency-graph package: TypeScript (already the
 * project's) lists each file's imports, `.astro` files included once their frontmatter and scripts
 * are handed to it, which the graph packages do not read.
 */
const srcDir = join(projectRoot, 'src');
const extensions = ['.ts', '.mjs', '.js', '.astro'];

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((name) => extensions.some((extension) => name.endsWith(extension)) && !name.endsWith('.d.ts'))
		.map((name) => join(dir, name));
}

/** The code of a file that can import: all of a script, an `.astro` file's frontmatter and `<script>` elements. */
function codeOf(file: string): string {
	const text = readFileSync(file, 'utf8');
	if (!file.endsWith('.astro')) return text;
	const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
	const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
	return [frontmatter, ...scripts].join('\n');
}

/** The files under src/ a file imports (statically, `import type` included), by their paths. */
function importsOf(file: string): string[] {
	const { importedFiles } = ts.preProcessFile(codeOf(file), true, false);
	return importedFiles
		.map(({ fileName }) => fileName.replace(/\?.*$/, ''))
		.filter((specifier) => specifier.startsWith('.'))
		.map((specifier) => resolve(dirname(file), specifier))
		.map((path) => (existsSync(path) ? path : extensions.map((extension) => path + extension).find((candidate) => existsSync(candidate))))
		.filter((path): path is string => path !== undefined && path.startsWith(srcDir));
}

/** A file's layer: its folder right under src/ (src/plugins/rehype/x.ts is in src/plugins), or the file itself. */
function layerOf(file: string): string {
	const [root, first, second] = file.split('/');
	return second === undefined ? file : `${root}/${first}`;
}

/** Every loop of the graph, each once, as the files along it (the first repeated at the end). */
function findCycles(graph: Map<string, string[]>): string[][] {
	const cycles: string[][] = [];
	const seen = new Set<string>();
	const done = new Set<string>();
	const stack: string[] = [];
	const visit = (file: string) => {
		seen.add(file);
		stack.push(file);
		for (const next of graph.get(file) ?? []) {
			if (!seen.has(next)) visit(next);
			else if (!done.has(next)) cycles.push([...stack.slice(stack.indexOf(next)), next]);
		}
		stack.pop();
		done.add(file);
	};
	for (const file of [...graph.keys()].sort()) if (!seen.has(file)) visit(file);
	return cycles;
}

describe('imports among the modules of src/', () => {
	it('finds a loop when there is one, and none in a chain', () => {
		expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', []]]))).toEqual([]);
		expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
	});

	it('reads the imports of scripts and of .astro files', () => {
		const overview = join(srcDir, 'pages', 'index.astro');
		expect(importsOf(overview).length).toBeGreaterThan(0);
		expect(importsOf(join(srcDir, 'images', 'variants.ts'))).toContain(join(srcDir, 'public-file.ts'));
	});

	const files = new Map(sourceFiles(srcDir).map((file) => [relative(projectRoot, file), importsOf(file).map((path) => relative(projectRoot, path))]));

	it('form no loop, file by file', () => {
		const loops = findCycles(files).map((cycle) => cycle.join(' -> '));
		expect(loops, `import loops (move what both sides need to a module lower down):\n${loops.join('\n')}`).toEqual([]);
	});

	it('form no loop between the folders of src/ (its layers)', () => {
		const folders = new Map<string, Set<string>>();
		const via = new Map<string, string>();
		for (const [file, imported] of files) {
			const from = layerOf(file);
			const edges = folders.get(from) ?? new Set<string>();
			folders.set(from, edges);
			for (const target of imported.map(layerOf).filter((to) => to !== from)) {
				edges.add(target);
				via.set(`${from} ${target}`, file);
			}
		}
		const loops = findCycles(new Map([...folders].map(([folder, edges]) => [folder, [...edges]]))).map((cycle) =>
			cycle.slice(1).map((to, index) => `${cycle[index]} -> ${to} (${via.get(`${cycle[index]} ${to}`)})`).join(', '),
		);
		expect(
			loops,
			`import loops between folders, each step with a file that makes it (move what both sides need to a module lower down, as src/public-file.ts was):\n${loops.join('\n')}`,
		).toEqual([]);
	});
});

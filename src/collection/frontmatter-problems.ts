import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'astro/zod';
import { closestName } from '../closest-name.ts';

/** One mistake in a lesson's frontmatter, where it is in the file (1-based) and what to write instead. */
export interface FrontmatterProblem {
	line: number;
	column: number;
	message: string;
}

type Path = (string | number)[];

/**
 * Finds every mistake in a lesson's frontmatter: what the schema rejects, and keys it does not
 * know, at any depth (Starlight's nested objects, such as `sidebar`, drop unknown keys silently, so
 * `sidebar: { ordre: 2 }` would otherwise change nothing and say nothing). Each problem carries the
 * line and column of its key in the file, so a maintainer can go straight to it.
 *
 * `source` is the whole file; `data` the frontmatter as Astro parsed it.
 */
export function frontmatterProblems(source: string, data: Record<string, unknown>, schema: z.ZodType): FrontmatterProblem[] {
	// The file's YAML is parsed for positions only once there is a problem to place: most lessons have none.
	let locate: ReturnType<typeof frontmatterLocator> | undefined;
	const problems: (FrontmatterProblem & { key: string })[] = [];
	const add = (path: Path, message: string, at: 'key' | 'value' = 'key') => {
		const key = path.join('.');
		if (problems.some((problem) => problem.key === key && problem.message === message)) return;
		locate ??= frontmatterLocator(source);
		problems.push({ key, message, ...locate(path, at) });
	};

	for (const unknown of unknownKeys(data, schema)) {
		const suggestion = closestName(unknown.key, unknown.known);
		const where = unknown.path.length ? ` in "${unknown.path.join('.')}"` : '';
		add(
			[...unknown.path, unknown.key],
			suggestion
				? `Unknown key "${unknown.key}"${where}. Did you mean "${suggestion}"?`
				: `Unknown key "${unknown.key}"${where}. Known keys${where}: ${unknown.known.join(', ')}.`,
		);
	}

	const parsed = schema.safeParse(data);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			// Unknown keys are reported above, with a suggestion.
			if (issue.code === 'unrecognized_keys') continue;
			const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
			add(path, describeIssue(issue, path, valueAt(data, path)), 'value');
		}
	}
	return problems
		.sort((a, b) => a.line - b.line || a.column - b.column)
		.map(({ line, column, message }) => ({ line, column, message }));
}

function describeIssue(issue: z.core.$ZodIssue, path: Path, value: unknown): string {
	const name = path.length ? `"${path.join('.')}"` : 'The frontmatter';
	switch (issue.code) {
		case 'invalid_type':
			if (value === undefined) return `${name} is missing; it is required.`;
			return `${name} should be ${article(issue.expected)}, but it is ${describeValue(value)}.`;
		case 'too_small':
			if (issue.origin === 'string') return `${name} is empty; write some text or remove the key.`;
			if (issue.origin === 'array') return `${name} needs at least ${issue.minimum} item(s).`;
			return `${name} should be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}, but it is ${describeValue(value)}.`;
		case 'too_big':
			return `${name} should be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}, but it is ${describeValue(value)}.`;
		case 'invalid_value':
			return `${name} should be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, but it is ${describeValue(value)}.`;
		case 'invalid_format':
			return `${name} should be a valid ${issue.format}, but it is ${describeValue(value)}.`;
		default:
			return `${name}: ${issue.message}${value === undefined ? '' : ` (it is ${describeValue(value)})`}.`;
	}
}

function article(type: string): string {
	const words: Record<string, string> = { int: 'a whole number', number: 'a number', string: 'text', boolean: 'true or false', object: 'a group of keys', array: 'a list', date: 'a date' };
	return words[type] ?? type;
}

function describeValue(value: unknown): string {
	if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'empty';
	if (typeof value === 'object') return 'a group of keys';
	return JSON.stringify(value) ?? String(value);
}

function valueAt(data: unknown, path: Path): unknown {
	let current = data;
	for (const part of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string | number, unknown>)[part];
	}
	return current;
}

interface UnknownKey {
	path: Path;
	key: string;
	known: string[];
}

/**
 * Keys of the data that the schema does not declare, wherever the schema describes an object with a
 * fixed set of keys. Zod 4 keeps a schema's structure in `_zod.def`; only the wrappers Starlight's and
 * the project's frontmatter use are looked through.
 */
function unknownKeys(data: unknown, schema: z.ZodType, path: Path = []): UnknownKey[] {
	const def = unwrap(schema)._zod.def as unknown as SchemaDef;
	if (def.type === 'union') return unknownKeysInUnion(data, def.options, path);
	if (def.type === 'array' && Array.isArray(data)) {
		return data.flatMap((item, index) => unknownKeys(item, def.element, [...path, index]));
	}
	if (def.type !== 'object' || data === null || typeof data !== 'object' || Array.isArray(data)) return [];
	// An object that accepts any further keys (a catch-all) has no unknown ones.
	if (def.catchall && (def.catchall._zod.def as unknown as SchemaDef).type !== 'never') return [];
	const shape = def.shape;
	const known = Object.keys(shape);
	return Object.entries(data).flatMap(([key, value]) =>
		key in shape ? unknownKeys(value, shape[key]!, [...path, key]) : [{ path, key, known }],
	);
}

/** In a union, the keys that no object option declares, judged against the option that fits best. */
function unknownKeysInUnion(data: unknown, options: z.ZodType[], path: Path): UnknownKey[] {
	const candidates = options.map((option) => unknownKeys(data, option, path));
	return candidates.reduce((fewest, found) => (found.length < fewest.length ? found : fewest), candidates[0] ?? []);
}

interface SchemaDef {
	type: string;
	innerType?: z.ZodType;
	in?: z.ZodType;
	shape: Record<string, z.ZodType>;
	catchall?: z.ZodType;
	options: z.ZodType[];
	element: z.ZodType;
}

function unwrap(schema: z.ZodType): z.ZodType {
	let current = schema;
	for (;;) {
		const def = current._zod.def as unknown as SchemaDef;
		if (def.innerType) current = def.innerType;
		else if (def.type === 'pipe' && def.in) current = def.in;
		else return current;
	}
}

/** Where a frontmatter key is written in a lesson file (line 1, column 1 when it is not). */
export function frontmatterKeyPosition(source: string, path: Path): { line: number; column: number } {
	return frontmatterLocator(source)(path, 'key');
}

/**
 * Maps a key path to its place in the file: the key itself, or its value for a problem with the
 * value. A path that is not in the file (a missing key) points at the frontmatter's first line.
 */
function frontmatterLocator(source: string) {
	const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
	const yaml = match?.[1] ?? '';
	const lineCounter = new LineCounter();
	const document = parseDocument(yaml, { lineCounter, keepSourceTokens: false });
	// The frontmatter starts on the line after the opening ---.
	const offsetLines = 1;
	return (path: Path, at: 'key' | 'value'): { line: number; column: number } => {
		let node: unknown = document.contents;
		let found: { range?: [number, number, number] | null } | undefined;
		for (const [index, part] of path.entries()) {
			if (isMap(node)) {
				const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(part));
				if (!pair) break;
				const last = index === path.length - 1;
				found = (last && at === 'key' ? pair.key : (pair.value ?? pair.key)) as YamlNode;
				node = pair.value;
			} else if (isSeq(node) && typeof part === 'number') {
				const item = node.items[part] as YamlNode | undefined;
				if (!item) break;
				found = item;
				node = item;
			} else {
				break;
			}
		}
		const offset = found?.range?.[0];
		if (offset === undefined) return { line: offsetLines, column: 1 };
		const position = lineCounter.linePos(offset);
		return { line: position.line + offsetLines, column: position.col };
	};
}

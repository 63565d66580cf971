import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'astro/zod';
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
 * The shape of a schema as JSON Schema, which Zod 4 publishes (`z.toJSONSchema`), rather than its
 * internal definitions. As input: a field with a transform is described by what it accepts. What
 * JSON Schema cannot express (a date, a custom check) accepts anything here; safeParse still checks it.
 */
interface JsonSchema {
	type?: string | string[];
	properties?: Record<string, JsonSchema>;
	additionalProperties?: boolean | JsonSchema;
	anyOf?: JsonSchema[];
	oneOf?: JsonSchema[];
	items?: JsonSchema;
	$ref?: string;
	$defs?: Record<string, JsonSchema>;
}

const jsonSchemas = new WeakMap<z.ZodType, JsonSchema>();

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
	let json = jsonSchemas.get(schema);
	if (!json) {
		json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
		jsonSchemas.set(schema, json);
	}
	return json;
}

/**
 * Keys of the data that the schema does not declare, wherever the schema describes an object with a
 * fixed set of keys: as input, an object that strips unknown keys declares no `additionalProperties`,
 * a strict one `false`, one with a catch-all the schema of its further keys.
 */
function unknownKeys(data: unknown, schema: z.ZodType): UnknownKey[] {
	const root = jsonSchemaOf(schema);
	const resolve = (node: JsonSchema): JsonSchema => {
		const ref = node.$ref;
		if (ref === undefined) return node;
		return ref === '#' ? root : (root.$defs?.[ref.replace('#/$defs/', '')] ?? {});
	};
	const walk = (value: unknown, node: JsonSchema, path: Path): UnknownKey[] => {
		const current = resolve(node);
		const options = current.anyOf ?? current.oneOf;
		if (options) return unknownKeysInUnion(options.map(resolve).filter((option) => accepts(option, value)), (option) => walk(value, option, path));
		if (current.items && Array.isArray(value)) return value.flatMap((item, index) => walk(item, current.items!, [...path, index]));
		const shape = current.properties;
		if (!shape || !isPlainObject(value)) return [];
		// An object that accepts any further keys (a catch-all) has no unknown ones.
		if (current.additionalProperties !== undefined && current.additionalProperties !== false) return [];
		const known = Object.keys(shape);
		return Object.entries(value).flatMap(([key, item]) => (key in shape ? walk(item, shape[key]!, [...path, key]) : [{ path, key, known }]));
	};
	return walk(data, root, []);
}

/** In a union, the keys that no option declares, judged against the option that fits best. */
function unknownKeysInUnion(options: JsonSchema[], keysIn: (option: JsonSchema) => UnknownKey[]): UnknownKey[] {
	const candidates = options.map(keysIn);
	return candidates.reduce((fewest, found) => (found.length < fewest.length ? found : fewest), candidates[0] ?? []);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether a union's option is of the value's JSON type (an option of no declared type may be). */
function accepts(option: JsonSchema, value: unknown): boolean {
	if (option.type === undefined) return true;
	const jsonType = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : typeof value;
	const types = [option.type].flat();
	return types.includes(jsonType) || (jsonType === 'number' && types.includes('integer'));
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

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lessonSchemaForChecks } from '../../src/collection/lesson-schema.ts';
import { lessonsLoader } from '../../src/collection/lessons-loader.ts';
import { writeFiles } from '../support/write-files.ts';

let root: string | undefined;
afterEach(() => {
	if (root) rmSync(root, { recursive: true, force: true });
	root = undefined;
});

/**
 * Runs the lessons loader over a project holding the given files, with Starlight's docs loader and
 * Astro's glob loader under it, as the content layer does: the same calls in the same order. Only
 * the context is made up: a store in memory, and MDX files read as frontmatter and body.
 */
async function load(files: Record<string, string>) {
	root = mkdtempSync(join(tmpdir(), 'lessons-loader-'));
	writeFiles(root, files);
	const entries = new Map<string, { id: string; filePath?: string }>();
	const mdx = {
		getEntryInfo: ({ contents }: { contents: string }) => {
			const [, frontmatter = '', body = ''] = contents.split(/^---$/m);
			return { data: parse(frontmatter) ?? {}, body };
		},
	};
	const context = {
		collection: 'docs',
		config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`), integrations: [], prerenderConflictBehavior: 'error' },
		logger: { info() {}, warn() {}, error() {}, debug() {} },
		parseData: async ({ data }: { data: Record<string, unknown> }) => data,
		generateDigest: (data: unknown) => String(JSON.stringify(data).length),
		store: {
			get: (id: string) => entries.get(id),
			set: (entry: { id: string; filePath?: string }) => entries.set(entry.id, entry),
			keys: () => entries.keys(),
			has: (id: string) => entries.has(id),
			delete: (id: string) => entries.delete(id),
			addModuleImport() {},
			addAssetImports() {},
		},
		// Not part of the public LoaderContext type: the content layer hands it to the glob loader.
		entryTypes: new Map([['.mdx', mdx]]),
	} as unknown as LoaderContext;
	await lessonsLoader({ schema: lessonSchemaForChecks }).load(context);
	return entries;
}

/** The error the loader stops with: its name, message and hint. */
async function failure(files: Record<string, string>) {
	try {
		await load(files);
	} catch (error) {
		return error as Error & { hint?: string };
	}
	throw new Error('expected the loader to stop');
}

const lesson = (frontmatter: string) => `---\n${frontmatter}\n---\n\nText.\n`;
const at = (file: string) => `src/content/docs/lessons/${file}`;

describe('the lessons loader', () => {
	it('loads lessons that follow the schema, each at its address', async () => {
		const entries = await load({
			[at('one.mdx')]: lesson('title: One\nsidebar:\n  order: 1'),
			[at('two.mdx')]: lesson('title: Two\nslug: lessons/second'),
		});
		expect([...entries.keys()].sort()).toEqual(['lessons/one', 'lessons/second']);
	});

	it('reports every frontmatter mistake of every file at once, each at its line, then stops', async () => {
		const error = await failure({
			[at('typo.mdx')]: lesson('title: Typo\ndomian:\n  number: 3\n  title: Deployment'),
			[at('wrong-type.mdx')]: lesson('title: Wrong type\ndomain:\n  number: three\n  title: Deployment'),
			[at('fine.mdx')]: lesson('title: Fine'),
		});
		expect(error.name).toBe('LessonFrontmatterError');
		expect(error.message).toBe(
			"The lessons' frontmatter has 2 mistakes:\n\n" +
				`${at('typo.mdx')}:3:1\n  Unknown key "domian". Did you mean "domain"?\n\n` +
				`${at('wrong-type.mdx')}:4:11\n  "domain.number" should be a number, but it is the text "three".\n`,
		);
		expect(error.hint).toContain('docs/authoring.md (section "Frontmatter")');
	});

	it('stops at two files that would publish one page, naming both', async () => {
		const error = await failure({
			[at('retraining-models.mdx')]: lesson('title: Retraining'),
			[at('retraining-models/index.mdx')]: lesson('title: Retraining again'),
		});
		expect(error.name).toBe('DuplicateLessonAddressError');
		expect(error.message).toBe(
			`Two files would publish the page /lessons/retraining-models/:\n\n  ${at('retraining-models.mdx')}:1:1\n  ${at('retraining-models/index.mdx')}:1:1\n`,
		);
		expect(error.hint).toContain('give one of them its own `slug:`');
	});

	it("names the slug: line of a lesson that takes another lesson's address", async () => {
		const error = await failure({
			[at('monitoring.mdx')]: lesson('title: Monitoring'),
			[at('renamed.mdx')]: lesson('title: Renamed\ndescription: Moved.\nslug: lessons/monitoring'),
		});
		expect(error.message).toContain(`  ${at('monitoring.mdx')}:1:1\n  ${at('renamed.mdx')}:4:1\n`);
	});
});

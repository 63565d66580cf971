import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { frontmatterKeyPosition, frontmatterProblems } from '../../src/collection/frontmatter-problems.ts';
import { lessonSchemaForChecks } from '../../src/collection/lesson-schema.ts';

/** The problems of a lesson file, the frontmatter parsed as Astro hands it to the loader. */
function problems(file: string) {
	const data = parse(file.split(/^---$/m)[1]!) ?? {};
	return frontmatterProblems(file, data, lessonSchemaForChecks);
}

describe('frontmatter problems', () => {
	it('finds none in a lesson that follows the schema', () => {
		expect(problems('---\ntitle: Fine\ndescription: A lesson.\nsummary: What it covers.\nslug: lessons/fine\nsidebar:\n  order: 2\n---\n')).toEqual([]);
	});

	it('names an unknown key with the one meant, at its line', () => {
		expect(problems('---\ntitle: Typo\ndomian:\n  number: 3\n  title: Deployment\n---\n')).toEqual([
			{ line: 3, column: 1, message: 'Unknown key "domian". Did you mean "domain"?' },
		]);
	});

	it('lists the known keys when nothing is close', () => {
		const [problem] = problems('---\ntitle: Odd\nflavour: vanilla\n---\n');
		expect(problem?.message).toMatch(/^Unknown key "flavour"\. Known keys: .*\.$/);
		const known = problem!.message.replace(/^.*Known keys: /, '').replace(/\.$/, '').split(', ');
		expect(known).toEqual(expect.arrayContaining(['title', 'description', 'summary', 'slug', 'domain', 'sidebar']));
	});

	it('finds unknown keys that Starlight would drop silently, in nested groups', () => {
		expect(problems('---\ntitle: Nested\nsidebar:\n  ordre: 2\n---\n')).toEqual([
			{ line: 4, column: 3, message: 'Unknown key "ordre" in "sidebar". Did you mean "order"?' },
		]);
	});

	it('finds unknown keys in the object choice of a field that also takes a text or true/false', () => {
		expect(problems('---\ntitle: Union\nprev:\n  lnk: /lessons/x/\n---\n')).toEqual([
			{ line: 4, column: 3, message: 'Unknown key "lnk" in "prev". Did you mean "link"?' },
		]);
		expect(problems('---\ntitle: Union\nprev: false\n---\n')).toEqual([]);
	});

	it.each([
		['a value of the wrong kind', '---\ntitle: Wrong\ndomain:\n  number: three\n  title: Deployment\n---\n', { line: 4, column: 11, message: '"domain.number" should be a number, but it is the text "three".' }],
		['a number below the least allowed', '---\ntitle: Zero\ndomain:\n  number: 0\n  title: Deployment\n---\n', { line: 4, column: 11, message: '"domain.number" should be more than 0, but it is 0.' }],
		['an empty text', "---\ntitle: Empty\nsummary: ''\n---\n", { line: 3, column: 10, message: '"summary" is empty; write some text or remove the key.' }],
		['a value outside a list of choices', '---\ntitle: Wide\ntemplate: wide\n---\n', { line: 3, column: 11, message: '"template" should be one of "doc", "splash", but it is the text "wide".' }],
		['a required key that is missing', '---\ndescription: No title.\n---\n', { line: 1, column: 1, message: '"title" is missing; it is required.' }],
	])('describes %s, at the line and column of the value', (_, file, expected) => {
		expect(problems(file)).toEqual([expected]);
	});

	it('reports every problem of a file, in the order of its lines', () => {
		const found = problems('---\ntitle: Many\ntemplat: doc\nsidebar:\n  order: first\n---\n');
		expect(found.map((problem) => problem.line)).toEqual([3, 5]);
	});
});

describe('the position of a frontmatter key', () => {
	it('is the line of the key in the file, or the top of the file when it is not there', () => {
		const file = '---\ntitle: Moved\nslug: lessons/elsewhere\n---\n';
		expect(frontmatterKeyPosition(file, ['slug'])).toEqual({ line: 3, column: 1 });
		expect(frontmatterKeyPosition(file, ['domain'])).toEqual({ line: 1, column: 1 });
	});
});

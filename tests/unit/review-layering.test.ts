import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/paths.ts';

/** Every relative import of the TypeScript files in a folder of src/, with the file it is in. */
function imports(folder: string): { file: string; target: string }[] {
	const dir = join(projectRoot, 'src', folder);
	return readdirSync(dir)
		.filter((name) => name.endsWith('.ts'))
		.flatMap((name) =>
			[...readFileSync(join(dir, name), 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((match) => ({ file: `${folder}/${name}`, target: match[1]! })),
		);
}

describe('progress and review layering', () => {
	it('progress and review code never imports a component', () => {
		const found = [...imports('progress'), ...imports('review')].filter(({ target }) => target.includes('components/'));
		expect(found).toEqual([]);
	});

	it('progress code never imports the scheduler; pages reach it only through src/review/index.ts', () => {
		expect(imports('progress').filter(({ target }) => target.includes('review/'))).toEqual([]);
		const components = readdirSync(join(projectRoot, 'src', 'components'), { recursive: true, encoding: 'utf8' }).filter((name) => /\.(ts|astro)$/.test(name));
		for (const name of components) {
			const code = readFileSync(join(projectRoot, 'src', 'components', name), 'utf8');
			for (const match of code.matchAll(/'((?:\.\.\/)+review\/[^']+)'/g)) expect(match[1], name).toMatch(/review\/index\.ts$/);
		}
	});
});

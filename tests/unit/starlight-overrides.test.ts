import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/paths.ts';

/**
 * Starlight components the site replaces with its own copy, and the Starlight release line each copy
 * follows. A copy keeps Starlight's markup, wording and scripts but for its changes, so when Starlight
 * changes its component the copy must be compared again: this fails until someone has.
 */
const overrides = [{ component: 'Search', file: 'src/components/Search.astro', writtenFor: '0.42' }];

const starlight = join(projectRoot, 'node_modules/@astrojs/starlight');
const installed = (JSON.parse(readFileSync(join(starlight, 'package.json'), 'utf8')) as { version: string }).version;

describe.each(overrides)("the override of Starlight's $component", ({ component, file, writtenFor }) => {
	it(`follows the installed Starlight (written for ${writtenFor}.x)`, () => {
		const upstream = `node_modules/@astrojs/starlight/dist/components/${component}.astro`;
		expect(existsSync(join(projectRoot, upstream)), `${upstream} is gone: find where Starlight ${installed} keeps ${component}`).toBe(true);
		expect(
			installed.startsWith(`${writtenFor}.`),
			`Starlight is ${installed}, but ${file} was written for ${writtenFor}.x. Compare it with ${upstream} ` +
				`(markup, wording, keyboard shortcuts, the dialog and its script), carry over what changed, ` +
				`then set writtenFor to the new version in tests/unit/starlight-overrides.test.ts.`,
		).toBe(true);
	});
});

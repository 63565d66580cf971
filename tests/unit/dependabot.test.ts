import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../support/paths.ts';

interface Group {
	patterns: string[];
	'exclude-patterns'?: string[];
}
interface Update {
	'package-ecosystem': string;
	schedule: { interval: string };
	groups?: Record<string, Group>;
}

const config = parse(readFileSync(join(projectRoot, '.github/dependabot.yml'), 'utf8')) as { updates: Update[] };
const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
const dependencies = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });

/** Dependabot's patterns: `*` stands for any run of characters, nothing else is special. */
const matches = (pattern: string, name: string) =>
	new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/@-]/g, '\\$&')).join('.*')}$`).test(name);

/** The group Dependabot puts a package in: the first whose patterns take it and whose exclusions do not. */
function groupOf(groups: Record<string, Group>, name: string): string | undefined {
	return Object.entries(groups).find(
		([, group]) => group.patterns.some((p) => matches(p, name)) && !(group['exclude-patterns'] ?? []).some((p) => matches(p, name)),
	)?.[0];
}

describe('upgrades proposed by Dependabot', () => {
	const npm = config.updates.find((update) => update['package-ecosystem'] === 'npm');

	it('proposes npm upgrades every week', () => {
		expect(npm?.schedule.interval).toBe('weekly');
	});

	it('upgrades Astro, Starlight, their integrations and the pinned Node in one proposal, so that it builds', () => {
		const family = dependencies.filter((name) => name === 'node' || name === 'astro' || name.startsWith('@astrojs/') || name.includes('starlight'));
		expect(family).toEqual(expect.arrayContaining(['node', 'astro', '@astrojs/starlight', '@astrojs/markdown-remark', 'starlight-links-validator']));
		const groups = new Set(family.map((name) => groupOf(npm!.groups!, name)));
		expect([...groups], `one group for ${family.join(', ')}`).toEqual(['astro']);
	});

	it('groups every other dependency apart from them', () => {
		const others = dependencies.filter((name) => groupOf(npm!.groups!, name) !== 'astro');
		expect(others.length).toBeGreaterThan(0);
		for (const name of others) expect(groupOf(npm!.groups!, name), name).toBe('tools');
	});
});

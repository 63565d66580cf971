import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, findSkipRule, findUnverifiableRule, loadConfig } from '../../../src/link-check/config.ts';
import { projectRoot } from '../../support/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'link-check-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configFile(content: unknown) {
	const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
	writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
	return file;
}

describe('the link checker config', () => {
	it('ships with AWS hosts as "could not verify" on 403, each with a reason', () => {
		const config = loadConfig(join(projectRoot, 'src', 'link-check', 'config.json'));
		const rule = findUnverifiableRule(config, ['https://docs.aws.amazon.com/sagemaker/latest/dg/x.html']);
		expect(rule?.reason).toMatch(/403/);
		expect(findUnverifiableRule(config, ['https://aws.amazon.com/blogs/machine-learning/x/'])).toBeDefined();
		expect(findUnverifiableRule(config, ['https://example.org/'])).toBeUndefined();
	});

	it('matches skip patterns with * and exact URLs', () => {
		const config = loadConfig(
			configFile({ skip: [{ url: 'https://example.org/private/*', reason: 'login' }, { url: 'https://example.org/a', reason: 'x' }] }),
		);
		expect(findSkipRule(config, 'https://example.org/private/page#x')?.reason).toBe('login');
		expect(findSkipRule(config, 'https://example.org/a')).toBeDefined();
		expect(findSkipRule(config, 'https://example.org/a/b')).toBeUndefined();
	});

	it('rejects a misspelt key, an entry without a reason and a file that is not JSON', () => {
		expect(() => loadConfig(configFile({ skips: [] }))).toThrow(/unknown key "skips"/);
		expect(() => loadConfig(configFile({ skip: [{ url: 'https://example.org/' }] }))).toThrow(/skip\[0\] needs a "url" and a "reason"/);
		expect(() => loadConfig(configFile({ unverifiableOn403: [{ host: 'a', url: 'b', reason: 'c' }] }))).toThrow(ConfigError);
		expect(() => loadConfig(configFile('{ not json'))).toThrow(ConfigError);
	});
});

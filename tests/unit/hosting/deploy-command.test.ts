import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, parseCliArgs } from '../../../src/hosting/deploy-command.ts';
import { projectRoot } from '../../support/paths.ts';
import { fixtureCsp, fixtureFiles, writeFixtureSite } from './site-fixture.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function fixture(): string {
	const dir = writeFixtureSite(fixtureFiles);
	dirs.push(dir);
	return dir;
}

/** An AWS CLI that answers from a stack and a bucket in memory and records every command. */
function fakeAws(options: { csp?: string; bucket?: { Key: string; ETag: string }[]; fail?: string } = {}) {
	const calls: string[][] = [];
	const aws = async (args: string[]) => {
		calls.push(args);
		const command = args.slice(0, 2).join(' ');
		if (command === options.fail) throw new Error(`aws ${command} failed (exit 254): AccessDenied`);
		if (command === 'cloudformation describe-stacks') {
			return JSON.stringify({
				Stacks: [
					{
						Outputs: [
							{ OutputKey: 'BucketName', OutputValue: 'site-bucket' },
							{ OutputKey: 'DistributionId', OutputValue: 'E123EXAMPLE' },
						],
						Parameters: [
							{ ParameterKey: 'GitHubRepository', ParameterValue: 'owner/repo' },
							{ ParameterKey: 'ContentSecurityPolicy', ParameterValue: options.csp ?? "default-src 'self'" },
						],
					},
				],
			});
		}
		if (command === 's3api list-objects-v2') return options.bucket ? JSON.stringify({ Contents: options.bucket }) : '';
		if (command === 'cloudfront create-invalidation') return JSON.stringify({ Invalidation: { Id: `I${calls.length}` } });
		return '';
	};
	return { aws, calls };
}

async function run(argv: string[], aws = fakeAws().aws, env: NodeJS.ProcessEnv = {}) {
	const out: string[] = [];
	const err: string[] = [];
	const exit = await main(argv, { aws, out: (text) => out.push(text), err: (text) => err.push(text), env, cwd: projectRoot });
	return { exit, out: out.join('\n'), err: err.join('\n') };
}

const refuseAws = async (args: string[]): Promise<string> => {
	throw new Error(`a dry run called aws ${args.join(' ')}`);
};

describe('npm run deploy:aws -- --dry-run', () => {
	it('prints the plan phase by phase and calls nothing on AWS', async () => {
		const result = await run(['--dry-run', '--dir', fixture()], refuseAws);
		expect(result.err).toBe('');
		expect(result.exit).toBe(0);
		const headings = result.out.split('\n').filter((line) => /^\d+\./.test(line));
		expect(headings).toEqual([
			'1. Upload hashed assets: 2',
			'2. Upload new files: 3',
			'3. Upload changed files: none',
			`4. Content-Security-Policy: ${fixtureCsp.length} characters (fits CloudFront's 1783);`,
			'5. Upload pages: 3',
			'6. Delete pages no longer built: none',
			'7. Invalidate, and wait until done: nothing CloudFront holds has changed',
			'8. Upload service worker: 1',
			'9. Invalidate the worker: not in CloudFront yet',
		]);
		expect(result.out).toMatch(/_astro\/app\.1234\.js\s+new\s+public, max-age=31536000, immutable\s+text\/javascript; charset=utf-8/);
		expect(result.out).toContain('Bucket contents not known');
	});

	it('compares with a saved listing of the bucket', async () => {
		const dir = fixture();
		const listing = join(fixture(), 'listing.json');
		writeFileSync(listing, JSON.stringify({ Contents: [{ Key: 'index.html', ETag: '"0"' }, { Key: 'gone/index.html', ETag: '"1"' }] }));
		const result = await run(['--dry-run', '--dir', dir, '--bucket-listing', listing, '--json'], refuseAws);
		const plan = JSON.parse(result.out);
		expect(plan.deletions).toEqual(['gone/index.html']);
		expect(plan.invalidationPaths).toEqual(['/', '/gone/', '/gone/index.html', '/index.html']);
		expect(plan.csp).toBe(fixtureCsp);
	});
});

describe('npm run deploy:aws', () => {
	it('uploads assets, then brings the CSP in step, then pages, then deletes and invalidates, then the worker', async () => {
		const dir = fixture();
		const { aws, calls } = fakeAws({
			bucket: [
				{ Key: 'index.html', ETag: '"0"' },
				{ Key: 'lessons/old/index.html', ETag: '"1"' },
				{ Key: 'sw.js', ETag: '"2"' },
			],
		});
		const result = await run(['--stack', 'course-site', '--dir', dir], aws, { GITHUB_SHA: 'abc', GITHUB_RUN_ID: '7' });
		expect(result.err).toBe('');
		expect(result.exit).toBe(0);

		const summary = calls.map((args) => (args[0] === 's3' ? `cp ${args[3]!.replace('s3://site-bucket/', '')}` : args.slice(0, 2).join(' ')));
		expect(summary).toEqual([
			'cloudformation describe-stacks',
			's3api list-objects-v2',
			'cp _astro/app.1234.js',
			'cp _astro/site.5678.css',
			'cp img/teams.png',
			'cp pagefind/pagefind-entry.json',
			'cp sitemap-index.xml',
			'cloudformation update-stack',
			'cloudformation wait',
			'cp 404.html',
			'cp index.html',
			'cp lessons/a/index.html',
			's3api delete-objects',
			'cloudfront create-invalidation',
			'cloudfront wait',
			'cp sw.js',
			'cloudfront create-invalidation',
			'cloudfront wait',
		]);
		// Each wait is for the invalidation just created.
		const waits = calls.filter((args) => args[1] === 'wait' && args[0] === 'cloudfront');
		expect(waits.map((args) => args.slice(2))).toEqual([
			['invalidation-completed', '--distribution-id', 'E123EXAMPLE', '--id', `I${calls.indexOf(calls.filter((a) => a[1] === 'create-invalidation')[0]!) + 1}`],
			['invalidation-completed', '--distribution-id', 'E123EXAMPLE', '--id', `I${calls.indexOf(calls.filter((a) => a[1] === 'create-invalidation')[1]!) + 1}`],
		]);
		const workerInvalidation = calls.filter((args) => args[1] === 'create-invalidation')[1]!;
		expect(JSON.parse(workerInvalidation[5]!)).toEqual({ Paths: { Quantity: 1, Items: ['/sw.js'] }, CallerReference: 'abc-7-1-worker' });

		const upload = calls.find((args) => args[3] === 's3://site-bucket/_astro/app.1234.js')!;
		expect(upload).toEqual([
			's3', 'cp', join(dir, '_astro/app.1234.js'), 's3://site-bucket/_astro/app.1234.js',
			'--cache-control', 'public, max-age=31536000, immutable', '--content-type', 'text/javascript; charset=utf-8', '--only-show-errors',
		]);
		const update = calls.find((args) => args[1] === 'update-stack')!;
		expect(update).toContain('--use-previous-template');
		expect(JSON.parse(update[update.indexOf('--parameters') + 1]!)).toEqual([
			{ ParameterKey: 'GitHubRepository', UsePreviousValue: true },
			{ ParameterKey: 'ContentSecurityPolicy', ParameterValue: fixtureCsp },
		]);
		const invalidation = calls.find((args) => args[1] === 'create-invalidation')!;
		expect(invalidation.slice(2, 4)).toEqual(['--distribution-id', 'E123EXAMPLE']);
		expect(JSON.parse(invalidation[5]!)).toEqual({
			Paths: { Quantity: 4, Items: ['/', '/index.html', '/lessons/old/', '/lessons/old/index.html'] },
			CallerReference: 'abc-7-1',
		});
		expect(JSON.parse(calls.find((args) => args[1] === 'delete-objects')!.at(-1)!)).toEqual({ Objects: [{ Key: 'lessons/old/index.html' }], Quiet: true });
	});

	it('leaves the stack alone when its CSP is the build\'s already', async () => {
		const { aws, calls } = fakeAws({ csp: fixtureCsp });
		expect((await run(['--stack', 'course-site', '--dir', fixture()], aws)).exit).toBe(0);
		expect(calls.some((args) => args[1] === 'update-stack')).toBe(false);
	});

	it('takes the stack from AWS_STACK_NAME, and refuses to start without one', async () => {
		expect(parseCliArgs([], { AWS_STACK_NAME: 'from-env' }).stack).toBe('from-env');
		const result = await run(['--dir', fixture()], refuseAws);
		expect(result.exit).toBe(2);
		expect(result.err).toMatch(/No stack to deploy to: set AWS_STACK_NAME/);
	});

	it('stops with exit 1 and the CLI\'s message when a call fails', async () => {
		const { aws, calls } = fakeAws({ fail: 'cloudformation update-stack' });
		const result = await run(['--stack', 'course-site', '--dir', fixture()], aws);
		expect(result.exit).toBe(1);
		expect(result.err).toMatch(/Deploy failed: aws cloudformation update-stack failed .*AccessDenied/);
		expect(calls.some((args) => args[3]?.endsWith('/index.html'))).toBe(false);
	});

	it('refuses bad options and a folder without _headers', async () => {
		expect((await run(['--max-invalidation-paths', '0', '--dry-run'], refuseAws)).exit).toBe(2);
		expect((await run(['--bucket-listing', 'x.json'], refuseAws)).err).toMatch(/goes with --dry-run/);
		const missing = await run(['--dry-run', '--dir', 'src'], refuseAws);
		expect(missing.exit).toBe(2);
		expect(missing.err).toMatch(/holds no _headers: build the site first/);
	});
});

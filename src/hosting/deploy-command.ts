/**
 * What `npm run deploy:aws` does, as functions the tests call: options, the plan in words, and the
 * run itself with the AWS CLI passed in. src/hosting/deploy-cli.ts is the command line around it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { deploy, describeSiteStack, listBucket, parseBucketListing, type AwsCli } from './aws-deploy.ts';
import { cloudFrontCspLimit } from './csp.ts';
import { headersForPath, parseHeadersFile } from './headers-file.ts';
import { normalizeBase } from '../base-path.ts';
import { defaultMaxInvalidationPaths, planDeploy, readSiteFiles, uploadPhases, type DeployPlan } from './upload-plan.ts';

export const usage = `Usage: npm run deploy:aws -- [options]

Builds the site, then deploys dist/ to the S3 bucket and CloudFront distribution of a stack made
from src/hosting/site-stack.yaml (docs/hosting.md). Build settings come from SITE and BASE_PATH.

Options:
  --dry-run                  print the plan; call nothing on AWS
  --stack NAME               the CloudFormation stack (default: $AWS_STACK_NAME)
  --bucket-listing FILE      with --dry-run: the bucket's contents as saved by
                             aws s3api list-objects-v2 --output json (default: bucket taken as empty)
  --all                      upload every file, changed or not (after changing header rules)
  --max-invalidation-paths N invalidate "/*" instead of more paths than N (default ${defaultMaxInvalidationPaths})
  --dir DIR                  the built site (default: dist)
  --json                     print the plan as JSON
  -h, --help                 show this help`;

class UsageError extends Error {}

export interface CliOptions {
	dryRun: boolean;
	stack: string | undefined;
	bucketListing: string | undefined;
	all: boolean;
	maxInvalidationPaths: number;
	dir: string;
	json: boolean;
	help: boolean;
}

export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			options: {
				'dry-run': { type: 'boolean' },
				stack: { type: 'string' },
				'bucket-listing': { type: 'string' },
				all: { type: 'boolean' },
				'max-invalidation-paths': { type: 'string' },
				dir: { type: 'string' },
				json: { type: 'boolean' },
				help: { type: 'boolean', short: 'h' },
			},
		}));
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	const maxPaths = values['max-invalidation-paths'] === undefined ? defaultMaxInvalidationPaths : Number(values['max-invalidation-paths']);
	if (!Number.isInteger(maxPaths) || maxPaths < 1) {
		throw new UsageError(`--max-invalidation-paths needs a whole number above 0, not "${values['max-invalidation-paths']}"`);
	}
	if (values['bucket-listing'] && !values['dry-run']) throw new UsageError('--bucket-listing goes with --dry-run: a deploy lists the bucket itself');
	return {
		dryRun: values['dry-run'] === true,
		stack: values.stack ?? (env.AWS_STACK_NAME || undefined),
		bucketListing: values['bucket-listing'],
		all: values.all === true,
		maxInvalidationPaths: maxPaths,
		dir: values.dir ?? 'dist',
		json: values.json === true,
		help: values.help === true,
	};
}

/** The plan in words: each phase with its files, then the CSP, invalidation and deletions. */
export function formatPlan(plan: DeployPlan, context: { dir: string; base: string; csp: string; fileCount: number }): string {
	const lines = [`Deploy plan for ${context.dir} (base ${context.base}): ${context.fileCount} files`];
	lines.push(
		plan.bucketKnown
			? `Bucket: ${plan.unchanged.length} file(s) unchanged, ${plan.uploads.length} to upload`
			: 'Bucket contents not known (dry run without --bucket-listing): every file counts as new',
	);
	let step = 0;
	for (const phase of uploadPhases) {
		if (phase === 'pages') {
			const fits = context.csp.length <= cloudFrontCspLimit ? 'fits' : 'EXCEEDS';
			lines.push('', `${++step}. Content-Security-Policy: ${context.csp.length} characters (${fits} CloudFront's ${cloudFrontCspLimit});`);
			lines.push('   the stack parameter ContentSecurityPolicy is updated here when it differs');
		}
		if (phase === 'service worker') {
			lines.push('', `${++step}. Delete pages no longer built: ${plan.deletions.length === 0 ? 'none' : plan.deletions.join(', ')}`);
			if (plan.kept.length > 0) lines.push(`   kept (pages opened before the deploy may still load them): ${plan.kept.join(', ')}`);
			lines.push('', `${++step}. Invalidate, and wait until done: ${plan.invalidationPaths.length === 0 ? 'nothing CloudFront holds has changed' : plan.invalidationPaths.join(' ')}`);
		}
		const files = plan.uploads.filter((upload) => upload.phase === phase);
		lines.push('', `${++step}. Upload ${phase}: ${files.length === 0 ? 'none' : files.length}`);
		const width = Math.max(0, ...files.map((file) => file.key.length));
		for (const file of files) lines.push(`   ${file.key.padEnd(width)}  ${file.reason.padEnd(7)}  ${file.cacheControl}  ${file.contentType}`);
	}
	lines.push('', `${++step}. Invalidate the worker: ${plan.workerInvalidationPaths.length === 0 ? 'not in CloudFront yet' : plan.workerInvalidationPaths.join(' ')}`);
	return lines.join('\n');
}

export interface CliIo {
	aws: AwsCli;
	out: (text: string) => void;
	err: (text: string) => void;
	env: NodeJS.ProcessEnv;
	cwd: string;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
	let options: CliOptions;
	try {
		options = parseCliArgs(argv, io.env);
	} catch (error) {
		io.err(`${(error as Error).message}\n\n${usage}`);
		return 2;
	}
	if (options.help) {
		io.out(usage);
		return 0;
	}
	if (!options.dryRun && !options.stack) {
		io.err(`No stack to deploy to: set AWS_STACK_NAME or pass --stack (or use --dry-run).\n\n${usage}`);
		return 2;
	}
	const dir = resolve(io.cwd, options.dir);
	if (!existsSync(join(dir, '_headers'))) {
		io.err(`${dir} holds no _headers: build the site first (npm run build) with the hosting integration in astro.config.mjs.`);
		return 2;
	}
	const base = normalizeBase(io.env.BASE_PATH || '/');
	const csp = headersForPath(parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8')), base)['Content-Security-Policy'] ?? '';
	let files;
	try {
		files = readSiteFiles(dir, base);
	} catch (error) {
		io.err((error as Error).message);
		return 2;
	}
	if (csp.length > cloudFrontCspLimit && !options.dryRun) {
		io.err(`The build's Content-Security-Policy has ${csp.length} characters; CloudFront takes ${cloudFrontCspLimit}. See docs/hosting.md.`);
		return 1;
	}

	try {
		const stack = options.dryRun ? undefined : await describeSiteStack(io.aws, options.stack!);
		const bucket = stack
			? await listBucket(io.aws, stack.bucket, base.slice(1))
			: options.bucketListing
				? parseBucketListing(readFileSync(resolve(io.cwd, options.bucketListing), 'utf8'))
				: undefined;
		const plan = planDeploy(files, bucket, { all: options.all, maxInvalidationPaths: options.maxInvalidationPaths });
		io.out(options.json ? JSON.stringify({ base, csp, ...plan }, null, 2) : formatPlan(plan, { dir: options.dir, base, csp, fileCount: files.length }));
		if (!stack) return 0;
		await deploy({
			aws: io.aws,
			stackName: options.stack!,
			stack,
			plan,
			dir,
			csp,
			log: (line) => io.out(line),
			callerReference: `${io.env.GITHUB_SHA || 'local'}-${io.env.GITHUB_RUN_ID || Date.now()}-${io.env.GITHUB_RUN_ATTEMPT || 1}`,
		});
		io.out(`Deployed to s3://${stack.bucket} behind CloudFront ${stack.distributionId}.`);
		return 0;
	} catch (error) {
		io.err(`Deploy failed: ${(error as Error).message}`);
		return 1;
	}
}

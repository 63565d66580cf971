import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createLimit } from '../concurrency-limit.ts';
import type { BucketObject, DeployPlan, Upload, UploadPhase } from './upload-plan.ts';

/** Runs one AWS CLI command and resolves with what it printed; the deploy is tested with a fake. */
export type AwsCli = (args: string[]) => Promise<string>;

/** The AWS CLI as installed (GitHub's runners have it), credentials from the environment. */
export const awsCli: AwsCli = (args) =>
	new Promise((resolve, reject) => {
		const child = spawn('aws', args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', (error) => reject(new Error(`Could not run the AWS CLI (aws ${args[0]} ${args[1]}): ${error.message}`)));
		child.on('close', (code) =>
			code === 0 ? resolve(stdout) : reject(new Error(`aws ${args.slice(0, 2).join(' ')} failed (exit ${code}): ${stderr.trim()}`)),
		);
	});

export interface SiteStack {
	bucket: string;
	distributionId: string;
	/** The Content-Security-Policy the response headers policy sends now. */
	csp: string;
	parameterKeys: string[];
}

export async function describeSiteStack(aws: AwsCli, stackName: string): Promise<SiteStack> {
	const described = JSON.parse(await aws(['cloudformation', 'describe-stacks', '--stack-name', stackName, '--output', 'json']));
	const stack = described.Stacks?.[0];
	if (!stack) throw new Error(`No stack named ${stackName}`);
	const output = (key: string) => {
		const value = stack.Outputs?.find((candidate: { OutputKey: string }) => candidate.OutputKey === key)?.OutputValue;
		if (!value) throw new Error(`Stack ${stackName} has no output ${key}: was it created from src/hosting/site-stack.yaml?`);
		return value as string;
	};
	const parameters: { ParameterKey: string; ParameterValue: string }[] = stack.Parameters ?? [];
	return {
		bucket: output('BucketName'),
		distributionId: output('DistributionId'),
		csp: parameters.find((parameter) => parameter.ParameterKey === 'ContentSecurityPolicy')?.ParameterValue ?? '',
		parameterKeys: parameters.map((parameter) => parameter.ParameterKey),
	};
}

/** Objects under a key prefix; the CLI follows the listing's pages itself. */
export async function listBucket(aws: AwsCli, bucket: string, prefix: string): Promise<BucketObject[]> {
	const args = ['s3api', 'list-objects-v2', '--bucket', bucket, '--output', 'json', ...(prefix ? ['--prefix', prefix] : [])];
	const printed = (await aws(args)).trim();
	// An empty bucket prints nothing, or an object without Contents.
	const contents: { Key: string; ETag: string }[] = printed ? (JSON.parse(printed).Contents ?? []) : [];
	return contents.map((object) => ({ key: object.Key, etag: object.ETag }));
}

/** The output of `aws s3api list-objects-v2`, saved to a file, for a dry run against a real bucket. */
export function parseBucketListing(json: string): BucketObject[] {
	const contents: { Key: string; ETag: string }[] = JSON.parse(json || '{}').Contents ?? [];
	return contents.map((object) => ({ key: object.Key, etag: object.ETag }));
}

export interface DeployOptions {
	aws: AwsCli;
	stackName: string;
	stack: SiteStack;
	plan: DeployPlan;
	/** The output folder the plan's files are in. */
	dir: string;
	/** The Content-Security-Policy of this build. */
	csp: string;
	log: (line: string) => void;
	/** Uploads at once within a phase. */
	concurrency?: number;
	/** Distinguishes this deploy's invalidation, so that a retried run does not create a second one. */
	callerReference: string;
}

/**
 * Carries out a plan: uploads phase by phase (each upload sets the file's Cache-Control and
 * Content-Type), brings the stack's CSP in step with the build just before the pages go up,
 * deletes pages no longer built, then invalidates what CloudFront may hold of what changed
 * (after the deletions, so that no request in between caches a deleted page again), and only
 * then uploads the offline copy's worker and invalidates it.
 */
export async function deploy(options: DeployOptions): Promise<void> {
	const { aws, plan, stack, log } = options;
	const upload = async (file: Upload) => {
		await aws([
			's3', 'cp', join(options.dir, file.file), `s3://${stack.bucket}/${file.key}`,
			'--cache-control', file.cacheControl, '--content-type', file.contentType, '--only-show-errors',
		]);
	};
	const uploadPhase = async (phase: UploadPhase) => {
		const files = plan.uploads.filter((file) => file.phase === phase);
		if (files.length === 0) return;
		log(`Uploading ${phase}: ${files.length}`);
		const limit = createLimit(options.concurrency ?? 4);
		await Promise.all(files.map((file) => limit(() => upload(file))));
	};

	// Waits until CloudFront has dropped the paths: the service worker, uploaded next, must never
	// meet a page of the previous deploy (see uploadPhases).
	const invalidate = async (paths: string[], callerReference: string) => {
		if (paths.length === 0) return;
		log(`Invalidating ${paths.length} path(s)`);
		const batch = { Paths: { Quantity: paths.length, Items: paths }, CallerReference: callerReference };
		const created = await aws(['cloudfront', 'create-invalidation', '--distribution-id', stack.distributionId, '--invalidation-batch', JSON.stringify(batch)]);
		const id = (JSON.parse(created || '{}') as { Invalidation?: { Id?: string } }).Invalidation?.Id;
		if (id) await aws(['cloudfront', 'wait', 'invalidation-completed', '--distribution-id', stack.distributionId, '--id', id]);
	};

	await uploadPhase('hashed assets');
	await uploadPhase('new files');
	await uploadPhase('changed files');

	if (options.csp !== stack.csp) {
		log(`Updating the stack's Content-Security-Policy (${options.csp.length} characters)`);
		const parameters = stack.parameterKeys.map((key) =>
			key === 'ContentSecurityPolicy' ? { ParameterKey: key, ParameterValue: options.csp } : { ParameterKey: key, UsePreviousValue: true },
		);
		if (!stack.parameterKeys.includes('ContentSecurityPolicy')) throw new Error('The stack has no ContentSecurityPolicy parameter');
		await aws([
			'cloudformation', 'update-stack', '--stack-name', options.stackName, '--use-previous-template',
			'--capabilities', 'CAPABILITY_IAM', '--parameters', JSON.stringify(parameters),
		]);
		await aws(['cloudformation', 'wait', 'stack-update-complete', '--stack-name', options.stackName]);
	}

	await uploadPhase('pages');

	// S3 deletes at most 1,000 keys a request.
	for (let start = 0; start < plan.deletions.length; start += 1000) {
		const keys = plan.deletions.slice(start, start + 1000);
		log(`Deleting ${keys.length} page(s) no longer built`);
		const request = { Objects: keys.map((Key) => ({ Key })), Quiet: true };
		await aws(['s3api', 'delete-objects', '--bucket', stack.bucket, '--delete', JSON.stringify(request)]);
	}

	await invalidate(plan.invalidationPaths, options.callerReference);
	await uploadPhase('service worker');
	await invalidate(plan.workerInvalidationPaths, `${options.callerReference}-worker`);
}

#!/usr/bin/env node
/**
 * `npm run deploy:aws [-- options]`: builds the site (the npm script runs `astro build` first),
 * then uploads it to the stack's bucket in a safe order and invalidates what changed.
 * `--dry-run` prints the plan and touches nothing: no AWS account or credentials needed.
 * Exit 0: deployed or planned. 1: the deploy failed. 2: bad usage or no usable build.
 */
import { awsCli } from './aws-deploy.ts';
import { main } from './deploy-command.ts';

process.exitCode = await main(process.argv.slice(2), {
	aws: awsCli,
	out: (text) => console.log(text),
	err: (text) => console.error(text),
	env: process.env,
	cwd: process.cwd(),
});

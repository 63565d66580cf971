import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSiteDir, projectRoot } from '../support/paths.ts';
import { runProcess } from '../support/run-process.ts';
import { sitemapRoutes } from '../support/site-pages.ts';

describe('npm run deploy:aws -- --dry-run on the test build', () => {
	it('prints the plan for every file of the build, calling nothing on AWS, as on a fresh clone after the build', async () => {
		const result = await runProcess(process.execPath, [join(projectRoot, 'src/hosting/deploy-cli.ts'), '--dry-run', '--dir', builtSiteDir]);
		expect(result.code, result.output).toBe(0);
		expect(result.stdout).toMatch(/^Deploy plan for .* files$/m);
		for (const route of sitemapRoutes(builtSiteDir)) {
			expect(result.stdout).toMatch(new RegExp(`^\\s+${route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}index\\.html\\s+new`, 'm'));
		}
	});
});

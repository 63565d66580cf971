import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { buildCspDirectives, cloudFrontCspLimit, serializeCsp } from './csp.ts';
import { formatHeadersFile } from './headers-file.ts';
import { scanBuild } from './scan-build.ts';
import { siteHeaderRules } from './site-headers.ts';

export const headersFileComment = `Response headers for every path of this build, written by src/hosting/integration.ts
from src/hosting/header-rules.ts and what the build produced. Do not edit: rebuild.`;

/**
 * Writes `_headers` into the build once every page is written. List it after Starlight in
 * astro.config.mjs: Astro runs build hooks in that order, and Pagefind and the sitemap write
 * their files in Starlight's, so they are there to be covered.
 */
export function hostingHeaders(): AstroIntegration {
	let base = '/';
	return {
		name: 'mlops-course:hosting-headers',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base;
			},
			'astro:build:done': ({ dir, logger }) => {
				writeHeadersFile(fileURLToPath(dir), base, logger);
			},
		},
	};
}

/**
 * Writes `_headers` for the files a build folder holds now; run again when a file is added after
 * the build (`npm run pdf` adds the module's PDF).
 */
export function writeHeadersFile(outDir: string, base: string, logger: Pick<AstroIntegrationLogger, 'info' | 'warn'>): void {
	const scan = scanBuild(outDir);
	const csp = serializeCsp(
		buildCspDirectives({ inlineScripts: scan.inlineScripts, inlineStyles: scan.inlineStyles, sources: scan.sources }),
	);
	const rules = siteHeaderRules({ files: scan.files, base, csp });
	writeFileSync(join(outDir, '_headers'), formatHeadersFile(rules, headersFileComment));
	logger.info(
		`_headers: ${rules.length} rules for ${scan.files.length} files; CSP of ${csp.length} characters with ` +
			`${scan.inlineScripts.size} inline scripts and ${scan.inlineStyles.size} style elements hashed`,
	);
	if (csp.length > cloudFrontCspLimit) {
		logger.warn(
			`The Content-Security-Policy has ${csp.length} characters; a CloudFront response headers policy takes ` +
				`${cloudFrontCspLimit} unless AWS raises the quota. See docs/hosting.md ("When the policy grows").`,
		);
	}
}

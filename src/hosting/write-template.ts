#!/usr/bin/env node
/** `npm run hosting:template`: writes src/hosting/site-stack.yaml from src/hosting/site-stack.ts. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { siteStackYaml, templateFile } from './site-stack.ts';

writeFileSync(templateFile, siteStackYaml());
console.log(`Wrote ${fileURLToPath(templateFile)}`);

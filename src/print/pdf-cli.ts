/**
 * `npm run pdf`: the module as one PDF, from the build in dist/ (run `npm run build` first, with the
 * same BASE_PATH). Prints the PDF's path last.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { courseSlug } from '../course-slug.ts';
import { course } from '../course.ts';
import { makeModulePdf } from './make-pdf.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' } } });
const dir = values.dir!;
if (!existsSync(join(dir, 'index.html'))) {
	console.error(`${dir}/index.html not found: run \`npm run build\` first (with the BASE_PATH the site is built for).`);
	process.exit(2);
}
const fileName = `${courseSlug(course.title)}.pdf`;
const started = Date.now();
const result = await makeModulePdf({
	dir,
	base: process.env.BASE_PATH || '/',
	chromiumPath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
	fileName,
	log: (line) => console.log(line),
});
console.log(`${result.lessons.length} lessons, ${result.bytes} bytes, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(relative(process.cwd(), result.file) || result.file);

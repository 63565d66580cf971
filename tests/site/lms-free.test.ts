import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSiteDir } from '../support/paths.ts';

/** Words only the LMS packages' code has (src/lms/): the SCORM and cmi5 calls and the launch page's store. */
const lmsWords = ['LMSInitialize', 'LMSSetValue', 'cmi.suspend_data', 'LMS.LaunchData', 'lmsProgressStorage', 'lms/page.js', 'lmsRoot'];

describe('the website without the LMS code', () => {
	it('has none of the packages’ launch code in its pages or scripts', () => {
		const files = readdirSync(builtSiteDir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile() && /\.(html|js)$/.test(entry.name))
			.map((entry) => join(entry.parentPath, entry.name));
		expect(files.length).toBeGreaterThan(0);
		const found = files.flatMap((file) => {
			const text = readFileSync(file, 'utf8');
			return lmsWords.filter((word) => text.includes(word)).map((word) => `${file}: ${word}`);
		});
		expect(found).toEqual([]);
	});
});

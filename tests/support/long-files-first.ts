import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files that are short to read and long to run: they drive Chromium, or run builds that fail. */
const longFiles = [/\/tests\/browser\//, /\/tests\/site\/build-errors\.test\.ts$/];

const isLong = (file: TestSpecification) => longFiles.some((pattern) => pattern.test(file.moduleId.replaceAll('\\', '/')));

/**
 * Vitest starts the files it has timed in an earlier run longest first, and the others largest first.
 * A fresh clone (and so every CI run) has no timings, and the browser files are among the smallest:
 * they would start last, and the run would end waiting for them with the other workers idle. This
 * starts them first, keeping Vitest's order otherwise (project groups included).
 */
export class LongFilesFirst extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		const group = (file: TestSpecification) => file.project.config.sequence.groupOrder;
		// Array.prototype.sort is stable: within each group, Vitest's own order is kept.
		return sorted.sort((a, b) => group(a) - group(b) || Number(isLong(b)) - Number(isLong(a)));
	}
}

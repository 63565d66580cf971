import type { Root } from 'hast';
import { readingTime } from 'hast-util-reading-time';
import type { VFile } from 'vfile';
import { pageData } from '../remark/page-data.ts';

/**
 * Notes how long a page takes to read, in minutes, for the course overview and the lesson's own
 * header (`readingMinutes` in render()'s remarkPluginFrontmatter). hast-util-reading-time weighs
 * the words by how hard the text is to read, for an adult reader (age 18 and over).
 */
export function rehypeReadingTime() {
	return (tree: Root, file: VFile) => {
		pageData(file).readingMinutes = readingTime(tree, { age: 18 });
	};
}

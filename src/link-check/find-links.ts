import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Nodes, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { displayPath, InputError, lessonFiles } from './lesson-files.ts';

/** Where a link is used: a file (relative to the working directory, with `/`) and a line. */
export interface LinkSource {
	file: string;
	line: number;
}

export { InputError } from './lesson-files.ts';

/**
 * Every external http(s) link in the given lesson files, folders and globs, each URL once, with every
 * place it is used, in the order the URLs first appear.
 */
export function findExternalLinks(paths: string[], cwd = process.cwd()): Map<string, LinkSource[]> {
	const links = new Map<string, LinkSource[]>();
	for (const file of lessonFiles(paths, cwd)) {
		const shown = displayPath(file, cwd);
		for (const { url, line } of linksInFile(file)) {
			const sources = links.get(url) ?? [];
			sources.push({ file: shown, line });
			links.set(url, sources);
		}
	}
	return links;
}

/** Links in one file, parsed as the site parses it: MDX syntax only in `.mdx`, where it is valid. */
function linksInFile(file: string): { url: string; line: number }[] {
	const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkDirective);
	if (extname(file) === '.mdx') processor.use(remarkMdx);
	let tree: Root;
	try {
		tree = processor.parse(readFileSync(file, 'utf8')) as Root;
	} catch (error) {
		throw new InputError(`${file}: cannot be read as Markdown: ${(error as Error).message}`);
	}
	const found: { url: string; line: number }[] = [];
	visit(tree, (node: Nodes) => {
		const line = node.position?.start.line ?? 0;
		if (node.type === 'link' || node.type === 'definition') {
			found.push({ url: node.url, line });
		} else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
			for (const attribute of node.attributes) {
				if (attribute.type === 'mdxJsxAttribute' && attribute.name === 'href' && typeof attribute.value === 'string') {
					found.push({ url: attribute.value, line: attribute.position?.start.line ?? line });
				}
			}
		}
	});
	return found.filter(({ url }) => /^https?:\/\//i.test(url.trim())).map(({ url, line }) => ({ url: url.trim(), line }));
}

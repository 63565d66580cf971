import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Node as EstreeNode } from 'estree';
import type { Nodes, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxAttributeValueExpression, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isScalar, LineCounter, parseDocument, visit as visitYaml } from 'yaml';
import { linksInHtml } from './html-links.ts';
import { displayPath, InputError, lessonFiles } from './lesson-files.ts';
import { externalUrl, urlsInAttribute } from './url-attributes.ts';

export { InputError } from './lesson-files.ts';

/** Where a link is used: a file (relative to the working directory, with `/`) and a line. */
export interface LinkSource {
	file: string;
	line: number;
}

interface FoundLink {
	url: string;
	line: number;
}

/**
 * Every external http(s) link in the given lesson files, folders and globs, each URL once, with
 * every place it is used, in the order the URLs first appear.
 */
export function findExternalLinks(paths: string[], cwd = process.cwd()): Map<string, LinkSource[]> {
	const links = new Map<string, LinkSource[]>();
	for (const file of lessonFiles(paths, cwd)) {
		const shown = displayPath(file, cwd);
		for (const { url, line } of linksInFile(file)) {
			const sources = links.get(url) ?? [];
			if (!sources.some((source) => source.file === shown && source.line === line)) sources.push({ file: shown, line });
			links.set(url, sources);
		}
	}
	return links;
}

/**
 * Links in one file, parsed as the site parses it: MDX syntax only in `.mdx`, where it is valid;
 * raw HTML only in `.md`, where it is not JSX. Code (fenced, indented, inline), HTML comments and
 * MDX expressions such as `{/* comments *\/}` hold no link a learner can follow.
 */
function linksInFile(file: string): FoundLink[] {
	const isMdx = extname(file) === '.mdx';
	const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkDirective);
	if (isMdx) processor.use(remarkMdx);
	let tree: Root;
	try {
		tree = processor.parse(readFileSync(file, 'utf8')) as Root;
	} catch (error) {
		throw new InputError(`${file}: cannot be read as Markdown: ${(error as Error).message}`);
	}
	const found: FoundLink[] = [];
	const add = (urls: (string | undefined)[], line: number) => {
		for (const url of urls) if (url !== undefined) found.push({ url, line });
	};
	visit(tree, (node: Nodes) => {
		const line = node.position?.start.line ?? 0;
		switch (node.type) {
			case 'link':
			case 'image':
			case 'definition':
				return add([externalUrl(node.url)], line);
			case 'html':
				for (const link of linksInHtml(node.value)) add([link.url], line + link.lineOffset);
				return;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				for (const attribute of node.attributes) add(urlsInJsxAttribute(attribute), attribute.position?.start.line ?? line);
				return;
			case 'containerDirective':
			case 'leafDirective':
			case 'textDirective':
				for (const [name, value] of Object.entries(node.attributes ?? {})) add(urlsInAttribute(name, value ?? ''), line);
				return;
			case 'yaml':
				for (const link of linksInFrontmatter(node.value)) add([link.url], line + link.line);
				return;
		}
	});
	return found;
}

/** A JSX attribute's addresses: its string value, or an expression that is only a string. */
function urlsInJsxAttribute(attribute: MdxJsxAttribute | MdxJsxExpressionAttribute): string[] {
	if (attribute.type !== 'mdxJsxAttribute' || attribute.value === null || attribute.value === undefined) return [];
	const value = typeof attribute.value === 'string' ? attribute.value : stringExpression(attribute.value);
	return value === undefined ? [] : urlsInAttribute(attribute.name, value);
}

/** `{"https://…"}` and `` {`https://…`} `` are fixed strings; anything else is only known at build time. */
function stringExpression(value: MdxJsxAttributeValueExpression): string | undefined {
	const statement = value.data?.estree?.body[0];
	if (statement?.type !== 'ExpressionStatement') return undefined;
	const expression: EstreeNode = statement.expression;
	if (expression.type === 'Literal' && typeof expression.value === 'string') return expression.value;
	if (expression.type === 'TemplateLiteral' && expression.expressions.length === 0) return expression.quasis[0]?.value.cooked ?? undefined;
	return undefined;
}

/**
 * Addresses that make up a whole value in the frontmatter (a hero action's `link`, a `head`
 * tag's `href`), with their line counted from the first line inside the `---` fences (1).
 */
function linksInFrontmatter(yaml: string): FoundLink[] {
	const lineCounter = new LineCounter();
	const document = parseDocument(yaml, { lineCounter });
	const found: FoundLink[] = [];
	visitYaml(document, {
		Scalar(_key, node) {
			if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
			const url = externalUrl(node.value);
			if (url) found.push({ url, line: lineCounter.linePos(node.range[0]).line });
		},
	});
	return found;
}

import { fileURLToPath } from 'node:url';
import type { Expression, Program } from 'estree';
import type { Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm';
import type { VFile } from 'vfile';

/** A value a plugin can hand to a component as a prop. */
export type PropValue = string | number | boolean | PropValue[] | { [key: string]: PropValue };

/**
 * Builds the estree of a JSON-like value. MDX compiles props from this tree, not from the source
 * text, so both must be given.
 */
function toExpression(value: PropValue): Expression {
	if (Array.isArray(value)) return { type: 'ArrayExpression', elements: value.map(toExpression) };
	if (typeof value === 'object') {
		return {
			type: 'ObjectExpression',
			properties: Object.entries(value).map(([key, item]) => ({
				type: 'Property',
				key: { type: 'Literal', value: key },
				value: toExpression(item),
				kind: 'init',
				method: false,
				shorthand: false,
				computed: false,
			})),
		};
	}
	return { type: 'Literal', value };
}

function toAttribute(name: string, value: PropValue): MdxJsxAttribute {
	if (typeof value === 'string') return { type: 'mdxJsxAttribute', name, value };
	const program: Program = {
		type: 'Program',
		sourceType: 'module',
		body: [{ type: 'ExpressionStatement', expression: toExpression(value) }],
	};
	return {
		type: 'mdxJsxAttribute',
		name,
		value: { type: 'mdxJsxAttributeValueExpression', value: JSON.stringify(value), data: { estree: program } },
	};
}

/** An MDX element `<Name {...props}>children</Name>` that takes the place of a directive. */
export function mdxComponent(
	name: string,
	props: Record<string, PropValue | undefined>,
	children: MdxJsxFlowElement['children'],
	from: RootContent,
): MdxJsxFlowElement {
	const attributes = Object.entries(props)
		.filter((entry): entry is [string, PropValue] => entry[1] !== undefined)
		.map(([key, value]) => toAttribute(key, value));
	return { type: 'mdxJsxFlowElement', name, attributes, children, position: from.position };
}

/**
 * Adds `import name from 'path'` to the top of an MDX document once, so a plugin can render a
 * component the author never imported. Works on the Markdown tree and on the HTML tree, which
 * carries MDX's import and JSX nodes through.
 */
export function importComponent(tree: Root | HastRoot, name: string, path: string): void {
	const already = tree.children.some(
		(node) => node.type === 'mdxjsEsm' && (node as MdxjsEsm).data?.estree?.body.some(
			(statement) => statement.type === 'ImportDeclaration' && statement.specifiers.some((s) => s.local.name === name),
		),
	);
	if (already) return;
	const source = JSON.stringify(path);
	const node: MdxjsEsm = {
		type: 'mdxjsEsm',
		value: `import ${name} from ${source}`,
		data: {
			estree: {
				type: 'Program',
				sourceType: 'module',
				body: [
					{
						type: 'ImportDeclaration',
						specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name } }],
						source: { type: 'Literal', value: path, raw: source },
						attributes: [],
					},
				],
			},
		},
	};
	(tree.children as MdxjsEsm[]).unshift(node);
}

/**
 * MDX elements only render in `.mdx` files; in a `.md` file they would silently become a `<div>`.
 * A file without a path (a pipeline outside Astro) is taken to be MDX.
 */
export function isMdxFile(path: string | undefined): boolean {
	return path === undefined || path.endsWith('.mdx');
}

/** Stops the build where a directive that renders a component stands in a `.md` file. */
export function requireMdx(file: VFile, node: RootContent, directive: string): void {
	if (!isMdxFile(file.path)) {
		file.fail(`${directive} renders a component, which works in .mdx files only: rename this file to .mdx.`, node);
	}
}

/** The path of a component in src/components, as an MDX import needs it (forward slashes on every OS). */
export function componentPath(fileName: string): string {
	return fileURLToPath(new URL(`../../components/${fileName}`, import.meta.url)).replaceAll('\\', '/');
}

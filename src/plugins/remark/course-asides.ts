import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { courseAsideDefaultTitles, isCourseAsideVariant, type CourseAsideVariant } from '../../components/course-aside-variants.ts';
import { containerDirectiveNames } from './container-directives.ts';
import { splitDirectiveLabel } from './directive-label.ts';
import { componentPath, importComponent, mdxComponent, requireMdx, type PropValue } from './mdx-component.ts';

/** The local name the plugin imports the component under; unlikely to clash with an author's import. */
const componentName = 'CourseAsideFromDirective';
const componentFile = componentPath('CourseAside.astro');

/** The `{attributes}` each aside accepts. */
const allowedAttributes: Record<CourseAsideVariant, readonly string[]> = {
	'exam-domain': ['number'],
	'learning-objective': [],
	'exam-tip': [],
};

const examDomainExample = ':::exam-domain[Deployment and Orchestration of ML Workflows]{number=3}';

/** The lesson's frontmatter `domain`, as Astro hands it to Markdown plugins. */
function frontmatterDomain(file: VFile): { number: number; title: string } | undefined {
	const astro = file.data.astro as { frontmatter?: { domain?: { number: number; title: string } } } | undefined;
	return astro?.frontmatter?.domain;
}

/** Checks one course aside and returns the props of its component, or fails the build at its line. */
function asideProps(node: ContainerDirective, variant: CourseAsideVariant, label: string | undefined, hasBody: boolean, file: VFile) {
	const where = `":::${variant}"`;
	const attributes = node.attributes ?? {};
	const allowed = allowedAttributes[variant];
	for (const name of Object.keys(attributes)) {
		if (!allowed.includes(name)) {
			const expected = allowed.length ? `Allowed: ${allowed.join(', ')}.` : 'It takes none.';
			file.fail(`Unknown attribute "${name}" on ${where}. ${expected}`, node);
		}
	}
	const props: Record<string, PropValue | undefined> = { variant, title: label ?? courseAsideDefaultTitles[variant] };
	if (variant === 'exam-domain') {
		const raw = attributes.number;
		if (raw === undefined || raw === null) {
			file.fail(`${where} needs the domain number, for example ${examDomainExample}.`, node);
		}
		if (!/^[1-9]\d*$/.test(raw.trim())) {
			file.fail(`${where} number must be a positive whole number, not "${raw}". For example ${examDomainExample}.`, node);
		}
		if (label === undefined) {
			file.fail(`${where} needs the domain title in brackets, for example ${examDomainExample}.`, node);
		}
		const number = Number(raw);
		const declared = frontmatterDomain(file);
		if (declared && (declared.number !== number || declared.title !== label)) {
			file.fail(
				`${where} says domain ${number} "${label}", but the frontmatter declares domain ${declared.number} "${declared.title}". Make them agree.`,
				node,
			);
		}
		props.number = number;
	} else if (!hasBody) {
		file.fail(`${where} has no text. Write its text between ":::${variant}" and ":::".`, node);
	}
	return props;
}

/**
 * Renders the course's own asides (`:::exam-domain`, `:::learning-objective`, `:::exam-tip`) with
 * the CourseAside component, and fails the build on a container directive that no plugin handles:
 * left alone, it would become a bare `<div>` and hide the typo. Starlight's asides and the
 * directives of other plugins are left for them; text and leaf directives ("ratio 16:9") are not
 * touched, so Starlight turns them back into the text they were written as.
 */
export function remarkCourseAsides() {
	return function transformer(tree: Root, file: VFile) {
		let count = 0;
		// `::exam-tip` (two colons) is a leaf directive that Starlight would print as text: a typo, not prose.
		visit(tree, 'leafDirective', (node) => {
			if (containerDirectiveNames.includes(node.name)) {
				file.fail(`"::${node.name}" has two colons; write ":::${node.name}" (three) and close it with ":::".`, node);
			}
		});
		visit(tree, 'containerDirective', (node, index, parent) => {
			if (!parent || index === undefined) return;
			if (!containerDirectiveNames.includes(node.name)) {
				file.fail(`Unknown directive ":::${node.name}". Allowed container directives: ${containerDirectiveNames.join(', ')}.`, node);
			}
			if (!isCourseAsideVariant(node.name)) return;
			requireMdx(file, node, `":::${node.name}"`);
			const { label, body } = splitDirectiveLabel(node);
			const props = asideProps(node, node.name, label, body.length > 0, file);
			count += 1;
			props.id = `course-aside-${count}`;
			parent.children[index] = mdxComponent(componentName, props, body, node);
		});
		if (count > 0) importComponent(tree, componentName, componentFile);
	};
}

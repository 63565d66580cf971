import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { courseAsideDefaultTitles, isCourseAsideDirective } from '../../components/course-aside-variants.ts';
import { closestName } from '../../closest-name.ts';
import { containerDirectiveNames, retiredDirectives } from './container-directives.ts';
import { rejectAttributes } from './directive-attributes.ts';
import { splitDirectiveLabel } from './directive-label.ts';
import { componentPath, importComponent, mdxComponent, requireMdx } from './mdx-component.ts';

/** The local name the plugin imports the component under; unlikely to clash with an author's import. */
const componentName = 'CourseAsideFromDirective';
const componentFile = componentPath('CourseAside.astro');

/** Why a name is not a directive the site knows, and what to write instead. */
function unknownDirectiveMessage(name: string): string {
	const retired = retiredDirectives[name];
	if (retired) return `":::${name}" is no longer used. ${retired}`;
	const meant = closestName(name, containerDirectiveNames);
	const suggestion = meant ? ` Did you mean ":::${meant}"?` : '';
	return `Unknown directive ":::${name}".${suggestion} Allowed container directives: ${containerDirectiveNames.join(', ')}.`;
}

/**
 * Renders the course's own asides (`:::learning-objective`, `:::exam-tip`) with the CourseAside
 * component, and fails the build on a container directive that no plugin handles: left alone, it
 * would become a bare `<div>` and hide the typo. Starlight's asides and the directives of other
 * plugins are left for them; text and leaf directives ("ratio 16:9") are not touched, so Starlight
 * turns them back into the text they were written as.
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
			if (!containerDirectiveNames.includes(node.name)) file.fail(unknownDirectiveMessage(node.name), node);
			if (!isCourseAsideDirective(node.name)) return;
			const where = `":::${node.name}"`;
			requireMdx(file, node, where);
			rejectAttributes(node, file);
			const { label, body } = splitDirectiveLabel(node);
			if (body.length === 0) file.fail(`${where} has no text. Write its text between ":::${node.name}" and ":::".`, node);
			count += 1;
			const props = { variant: node.name, title: label ?? courseAsideDefaultTitles[node.name], id: `course-aside-${count}` };
			parent.children[index] = mdxComponent(componentName, props, body, node);
		});
		if (count > 0) importComponent(tree, componentName, componentFile);
	};
}

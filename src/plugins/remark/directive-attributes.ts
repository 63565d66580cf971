import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';

/**
 * Stops the build at `{attribute=value}` on a directive of the course, none of which takes any:
 * remark-directive would accept it and the page would silently ignore it.
 */
export function rejectAttributes(node: ContainerDirective, file: VFile): void {
	const [first] = Object.keys(node.attributes ?? {});
	if (first !== undefined) file.fail(`Unknown attribute "${first}" on ":::${node.name}". It takes none.`, node);
}

import { begin, box, finish, margin, width, type BoxContent, type Diagram } from './layout.ts';

// The seven requirements of the lesson's "Nonfunctional requirements in ML", a few of its words each.
const requirements: [title: string, words: string][] = [
	['Consistency', 'Minimal variance between development, staging and production'],
	['Flexibility', 'A wide range of ML frameworks and technologies'],
	['Reproducibility', 'Recreates past experiments and training processes'],
	['Reusability', 'Components reused across different ML projects'],
	['Scalability', 'Scales compute, storage and memory with demand'],
	['Auditability', 'Logs, versioning and dependency tracking of ML artifacts'],
	['Explainability', 'Decision transparency and model interpretability'],
];

export const nonFuncReqs: Diagram = {
	name: 'non-func-reqs',
	render() {
		const { drawing, y: top } = begin('Nonfunctional requirements in ML');
		const boxWidth = width - 2 * margin;
		let y = top;
		requirements.forEach(([title, words], i) => {
			const content: BoxContent = { tone: 'blue', title, lines: [words] };
			y += box(drawing, margin, y, boxWidth, content) + 8;
		});
		return finish(drawing, y - 8);
	},
};

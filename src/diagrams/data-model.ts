import { begin, box, boxHeight, finish, label, margin, width, type BoxContent, type Diagram } from './layout.ts';
import { palette } from './palette.ts';

// Words from the lesson's "Independent data and ML code".
const data: BoxContent = {
	tone: 'blue',
	title: 'Data component',
	lines: ['Owned by data engineers', 'Feeds accurate, consistent data to data scientists and ML systems'],
};
const code: BoxContent = {
	tone: 'purple',
	title: 'Model building and deployment code',
	lines: ['Model build: data scientists', 'Deployment code: ML engineer or MLOps engineer'],
};
const system: BoxContent = {
	tone: 'green',
	title: 'One ML system',
	lines: ['Data and code work together to provide useful outputs'],
};

/** Two independent components, each with its owners, joined into one ML system. */
export const dataModel: Diagram = {
	name: 'data-model',
	render() {
		const { drawing, y: top } = begin('Independent data and ML code');
		const joinX = width - margin - 24;
		const boxWidth = joinX - 28 - margin;
		let y = top;
		const dataHeight = box(drawing, margin, y, boxWidth, data);
		const dataMiddle = y + dataHeight / 2;
		y += dataHeight + 52;
		label(drawing, 'Separate and independent', margin + 16, y - 18);
		const codeHeight = box(drawing, margin, y, boxWidth, code);
		const codeMiddle = y + Math.min(codeHeight, boxHeight(code, boxWidth)) / 2;
		y += codeHeight + 56;
		// Both components feed the one system: a line from each joins, and the joined line enters it.
		drawing.arrow([[margin + boxWidth, dataMiddle], [joinX, dataMiddle], [joinX, y - 3]], palette.line);
		drawing.arrow([[margin + boxWidth, codeMiddle], [joinX, codeMiddle], [joinX, y - 3]], palette.line);
		label(drawing, 'must work together', joinX - 14, y - 20, 'end');
		y += box(drawing, margin, y, width - 2 * margin, system);
		return finish(drawing, y);
	},
};

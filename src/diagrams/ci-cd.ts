import { begin, box, boxHeight, finish, margin, width, type BoxContent, type Diagram } from './layout.ts';
import { palette } from './palette.ts';

// Words from the lesson: "Introduction to MLOps" (CI and CD, the ML model lifecycle from
// development through deployment), the teams' responsibilities, and "Types of automated tests".
const stages: BoxContent[] = [
	{ badge: '1', tone: 'blue', title: 'Development', lines: ['Data ingestion, model training and evaluation'] },
	{ badge: '2', tone: 'green', title: 'Continuous integration (CI)', lines: ['Automated tests: unit, integration and regression'] },
	{ badge: '3', tone: 'orange', title: 'Continuous deployment (CD)', lines: ['Model deployment and production integration'] },
	{ badge: '4', tone: 'purple', title: 'Monitoring', lines: ['Model performance in production'] },
];

/** The ML model lifecycle as a loop of four stages, with CI and CD between development and production. */
export const ciCd: Diagram = {
	name: 'ci-cd',
	render() {
		const { drawing, y: top } = begin('MLOps: CI/CD across the ML model lifecycle');
		const loopX = margin + 22;
		const left = loopX + 40;
		const boxWidth = width - margin - left;
		const gap = 40;
		const middles: number[] = [];
		let y = top;
		stages.forEach((stage, i) => {
			if (i > 0) drawing.arrow([[left + boxWidth / 2, y - gap + 4], [left + boxWidth / 2, y - 3]]);
			const height = box(drawing, left, y, boxWidth, stage);
			middles.push(y + Math.min(height, boxHeight(stage, boxWidth)) / 2);
			y += height + gap;
		});
		// From monitoring back to development: the lifecycle repeats.
		drawing.arrow(
			[
				[left - 3, middles.at(-1)!],
				[loopX, middles.at(-1)!],
				[loopX, middles[0]!],
				[left - 3, middles[0]!],
			],
			palette.line,
		);
		return finish(drawing, y - gap);
	},
};

import { begin, box, finish, label, margin, width, type BoxContent, type Diagram } from './layout.ts';

// Words from the lesson's "Teams in the ML process" and "Independent data and ML code".
const teams: BoxContent[] = [
	{
		tone: 'blue',
		title: 'Data engineers',
		lines: ['Data sourcing, data cleaning and data processing', 'Transform data into a consumable format for ML'],
	},
	{
		tone: 'green',
		title: 'Data scientists',
		lines: ['Model development: model training, evaluation and monitoring', 'Drive insights from data'],
	},
	{
		tone: 'orange',
		title: 'ML engineers',
		lines: [
			'Model deployment, production integration and monitoring',
			'Continuous delivery of high-performing production ML models',
		],
	},
];

/** What each of the three teams hands to the next. */
const handOffs = ['data in a consumable format', 'the model they built'];

export const teamsDiagram: Diagram = {
	name: 'teams',
	render() {
		const { drawing, y: top } = begin('Teams in the ML process');
		const boxWidth = width - 2 * margin;
		const gap = 56;
		const arrowX = margin + 48;
		let y = top;
		teams.forEach((team, i) => {
			if (i > 0) {
				drawing.arrow([[arrowX, y - gap + 4], [arrowX, y - 3]]);
				label(drawing, handOffs[i - 1]!, arrowX + 22, y - gap / 2 + 8);
			}
			y += box(drawing, margin, y, boxWidth, team) + gap;
		});
		return finish(drawing, y - gap);
	},
};

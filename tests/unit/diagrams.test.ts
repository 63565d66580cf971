import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { diagrams } from '../../src/diagrams/index.ts';
import { sizes, width } from '../../src/diagrams/layout.ts';
import { diagramDensity, renderPng } from '../../src/diagrams/render.ts';
import { projectRoot } from '../support/paths.ts';

const imgDir = join(projectRoot, 'public', 'img');
const fix = 'run `npm run diagrams` and commit public/img';

describe('the diagrams', () => {
	it('each have their committed PNG, and every diagram PNG has a source', () => {
		for (const diagram of diagrams) expect(existsSync(join(imgDir, `${diagram.name}.png`)), `${diagram.name}.png: ${fix}`).toBe(true);
		expect(new Set(diagrams.map((d) => d.name)).size).toBe(diagrams.length);
	});

	it.each(diagrams.map((d) => [d.name, d] as const))('%s: the committed PNG is what its source draws now', async (name, diagram) => {
		const fresh = await renderPng(diagram.render().svg);
		const committed = readFileSync(join(imgDir, `${name}.png`));
		const [a, b] = await Promise.all([fresh, committed].map((png) => sharp(png).raw().toBuffer({ resolveWithObject: true })));
		expect({ width: b!.info.width, height: b!.info.height }, `${name}.png has another size: ${fix}`).toEqual({
			width: a!.info.width,
			height: a!.info.height,
		});
		expect(a!.data.equals(b!.data), `${name}.png is stale: ${fix}`).toBe(true);
	});

	it.each(diagrams.map((d) => [d.name, d] as const))('%s: is drawn at twice its display width and says so in its density', async (name, diagram) => {
		const rendered = diagram.render();
		const meta = await sharp(join(imgDir, `${name}.png`)).metadata();
		expect(meta.width).toBe(rendered.width * 2);
		expect(meta.height).toBe(rendered.height * 2);
		expect(meta.density).toBe(diagramDensity);
		expect(meta.isPalette).toBe(true);
	});

	it('keeps its smallest text readable at phone width (about 11 px when shown 340 px wide)', () => {
		expect(Math.min(...Object.values(sizes)) * (340 / width)).toBeGreaterThanOrEqual(11);
	});

	it('draws each diagram the same way twice', () => {
		for (const diagram of diagrams) expect(diagram.render().svg).toBe(diagram.render().svg);
	});

	it('draws text only as outlines, so no installed font is needed', () => {
		for (const diagram of diagrams) {
			const { svg } = diagram.render();
			expect(svg).not.toMatch(/<text|font-family/);
		}
	});
});

describe('the diagram words', () => {
	const lesson = readFileSync(join(projectRoot, 'src/content/docs/lessons/automate-deployment.mdx'), 'utf8').toLowerCase();
	const words = (name: string) => diagrams.find((d) => d.name === name)!.render().texts.map((t) => t.text).join(' ');

	it('name the seven nonfunctional requirements of the lesson', () => {
		const text = words('non-func-reqs');
		for (const requirement of ['Consistency', 'Flexibility', 'Reproducibility', 'Reusability', 'Scalability', 'Auditability', 'Explainability']) {
			expect(text).toContain(requirement);
			expect(lesson).toContain(`**${requirement.toLowerCase()}**`);
		}
	});

	it('name the three teams', () => {
		const text = words('teams');
		for (const team of ['Data engineers', 'Data scientists', 'ML engineers']) expect(text).toContain(team);
	});

	it('name the two components', () => {
		const text = words('data-model');
		for (const part of ['Data component', 'Model building and deployment code']) expect(text).toContain(part);
	});

	it('name CI and CD', () => {
		const text = words('ci-cd');
		for (const stage of ['Continuous integration (CI)', 'Continuous deployment (CD)']) expect(text).toContain(stage);
	});
});

import { join } from 'node:path';
import sharp from 'sharp';
import { guideExamples } from './guide-examples.ts';

/**
 * A course of several lessons built the way a maintainer would grow it, under a base path as on a
 * GitHub Pages project site: the real lessons, plus
 * - a lesson that breaks two of the rules every lesson is held to (a low-contrast sentence and an
 *   image far over the byte budget), to prove the checks catch a lesson they were never told about;
 * - a lesson whose `slug:` gives it another address than its file name;
 * - a lesson with a photo a maintainer might add (a JPEG), for its responsive copies;
 * - every example of the authoring guide, as lessons.
 */
export const courseFixture = {
	name: 'course',
	base: '/mlops-course/',
	site: 'https://example.github.io',
	faultyLesson: { file: 'src/content/docs/lessons/faulty-lesson.mdx', route: 'lessons/faulty-lesson/' },
	movedLesson: { file: 'src/content/docs/lessons/renamed.mdx', route: 'lessons/model-retraining/' },
	/** Whole-file examples of the guide become lessons/guide-example-<n>.mdx; the others share one page. */
	guideExampleFile: (index: number) => `src/content/docs/lessons/guide-example-${index + 1}.mdx`,
	guideSnippetsRoute: 'lessons/guide-snippets/',
	noiseImage: 'public/img/noise.png',
	photoLesson: { file: 'src/content/docs/lessons/photos.mdx', route: 'lessons/photos/' },
	photo: 'public/img/bench.jpg',
} as const;

const photoLesson = `---
title: Photos
sidebar:
  order: 6
---

Text.

![A workbench with a laptop and a notebook, seen from above.](/img/bench.jpg)
`;

/**
 * A photo-like picture (noise softened into texture) that a maintainer might add: 2400 x 1600 at
 * 72 dpi, a 162 KB JPEG whose copies are within the image budget, as a real photo's should be.
 */
async function photo(): Promise<Buffer> {
	return sharp({ create: { width: 600, height: 400, channels: 3, background: '#6b8f71', noise: { type: 'gaussian', mean: 120, sigma: 8 } } })
		.resize(2400, 1600)
		.blur(4)
		.jpeg({ quality: 85 })
		.toBuffer();
}

const faultyLesson = `---
title: Faulty Lesson
description: A lesson that breaks two rules, so that the checks can be seen to catch it.
sidebar:
  order: 5
---

## A faint remark

<span style={{ color: '#dadada' }}>This sentence is too faint to read on a light page.</span>

## A heavy image

![Random noise, far heavier than a lesson image may be.](/img/noise.png)
`;

const movedLesson = `---
title: Moved Lesson
slug: lessons/model-retraining
sidebar:
  order: 4
---

## Where this lesson lives

Its file is renamed.mdx; its slug publishes it elsewhere. It links to [SageMaker Projects](/lessons/automate-deployment/#sagemaker-projects).
`;

/** A PNG of random grey noise: incompressible, so it stays heavy in any format. Seeded: the same bytes every run. */
async function noisePng(width: number, height: number): Promise<Buffer> {
	const pixels = Buffer.alloc(width * height);
	// xorshift32: integer arithmetic only, so the noise never repeats into something compressible.
	let state = 2_463_534_242;
	for (let i = 0; i < pixels.length; i++) {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		pixels[i] = state & 0xff;
	}
	return sharp(pixels, { raw: { width, height, channels: 1 } }).png().toBuffer();
}

/** The files the fixture course adds to a copy of the project. */
export async function courseFixtureFiles(): Promise<Record<string, string | Buffer>> {
	const examples = guideExamples().filter((example) => !example.wrong);
	const files: Record<string, string | Buffer> = {
		[courseFixture.faultyLesson.file]: faultyLesson,
		[courseFixture.movedLesson.file]: movedLesson,
		[courseFixture.noiseImage]: await noisePng(720, 480),
		[courseFixture.photoLesson.file]: photoLesson,
		[courseFixture.photo]: await photo(),
	};
	examples.filter((example) => example.wholeFile).forEach((example, index) => {
		files[courseFixture.guideExampleFile(index)] = example.code;
	});
	const snippets = examples
		.filter((example) => !example.wholeFile)
		.map((example) => `## Example from line ${example.line} of the guide\n\n${example.code}\n`);
	files[join('src/content/docs', `${courseFixture.guideSnippetsRoute.replace(/\/$/, '')}.mdx`)] =
		`---\ntitle: Guide snippets\nsidebar:\n  order: 9\n---\n\n${snippets.join('\n')}`;
	return files;
}

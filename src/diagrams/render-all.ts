import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diagrams } from './index.ts';
import { renderPng } from './render.ts';

// `npm run diagrams`: draws every diagram and writes it to public/img/<name>.png.
const outDir = fileURLToPath(new URL('../../public/img/', import.meta.url));

for (const diagram of diagrams) {
	const { svg, width, height } = diagram.render();
	const png = await renderPng(svg);
	writeFileSync(`${outDir}${diagram.name}.png`, png);
	console.log(`public/img/${diagram.name}.png  ${width * 2}x${height * 2} px, shown at ${width}x${height}  ${(png.length / 1024).toFixed(1)} KB`);
}

import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { diagrams } from './index.ts';
import { renderPng } from './render.ts';

// `npm run diagrams`: draws every diagram and writes public/img/<name>.svg, which the site serves,
// and public/img/<name>.png, its fallback for browsers that do not take the SVG.
const outDir = fileURLToPath(new URL('../../public/img/', import.meta.url));
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

for (const diagram of diagrams) {
	const { svg, width, height } = diagram.render();
	const png = await renderPng(svg);
	writeFileSync(`${outDir}${diagram.name}.svg`, svg);
	writeFileSync(`${outDir}${diagram.name}.png`, png);
	console.log(
		`public/img/${diagram.name}.svg  ${width}x${height}  ${kb(svg.length)}, ${kb(gzipSync(svg).length)} gzip;  .png ${width * 2}x${height * 2} px  ${kb(png.length)}`,
	);
}

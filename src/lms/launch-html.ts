/**
 * The launch page of a package (lms/launch.html): a line for notices above the module's frame.
 * Its script (`scorm.js` or `cmi5.js`) holds the LMS session for as long as the learner is in the
 * module. The course map rides along as JSON, read before the script starts.
 */
import type { CourseMap } from './course-map.ts';

const html = (text: string) => text.replace(/[<>&"]/g, (char) => `&#${char.charCodeAt(0)};`);

export function launchHtml(map: CourseMap, script: string): string {
	// "<" escaped so that no text in the map can close the script element.
	const json = JSON.stringify(map).replaceAll('<', '\\u003c');
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(map.title)}</title>
<link rel="icon" href="../favicon.svg" type="image/svg+xml">
<style>
	:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
	html, body { height: 100%; margin: 0; }
	body { display: flex; flex-direction: column; }
	.lms-notice { margin: 0; padding: 0.5rem 1rem; font-size: 0.9375rem; line-height: 1.4; background: #fff3c4; color: #3d2e00; border-bottom: 1px solid #b38f00; }
	.lms-notice--alert { background: #ffe1de; color: #5c0b00; border-bottom-color: #b3261e; }
	@media (prefers-color-scheme: dark) {
		.lms-notice { background: #3d3200; color: #fff3c4; border-bottom-color: #b38f00; }
		.lms-notice--alert { background: #4a0f0a; color: #ffe1de; border-bottom-color: #f2b8b5; }
	}
	.lms-exit { align-self: flex-end; margin: 0.25rem 1rem; padding: 0.25rem 0.75rem; font: inherit; font-size: 0.9375rem; }
	.lms-module { flex: 1; width: 100%; border: 0; }
	main { display: contents; }
</style>
<script type="application/json" id="lms-course">${json}</script>
<script src="${script}" defer></script>
</head>
<body>
<main>
<p class="lms-notice" id="lms-status" role="status" hidden></p>
<p class="lms-notice lms-notice--alert" id="lms-alert" role="alert" hidden></p>
<button type="button" class="lms-exit" id="lms-exit" hidden>Exit the module</button>
<iframe class="lms-module" id="lms-module" title="${html(map.title)}"></iframe>
</main>
</body>
</html>
`;
}

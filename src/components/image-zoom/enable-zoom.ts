/**
 * Makes a page's zoomable images work: the buttons are rendered disabled, so without this nothing
 * pretends to work; a click fetches the full-screen view (zoom-view.ts, with @panzoom/panzoom and
 * its styles) on first use.
 */
export function enableImageZoom(): void {
	for (const button of document.querySelectorAll<HTMLButtonElement>('button.zoomable')) button.disabled = false;
	document.addEventListener('click', (event) => {
		const button = event.target instanceof Element && event.target.closest<HTMLElement>('button.zoomable');
		if (button) void import('./zoom-view.ts').then((view) => view.openZoom(button));
	});
}

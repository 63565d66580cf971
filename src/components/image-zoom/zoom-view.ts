import Panzoom, { type PanzoomObject } from '@panzoom/panzoom';
// The styles as text, applied through the CSSOM when the view is first built: an imported
// stylesheet would join the page's first load, and a <link> would cost a second request on open.
import styles from './zoom-view.css?inline';

/**
 * The full-screen view of a lesson image, loaded the first time a learner opens one (see
 * ImageZoom.astro). A modal <dialog> named by the image's alt text holds the image at full
 * resolution; @panzoom/panzoom does pinch, drag and wheel; the keys and buttons call its API.
 * Escape, or Close, ends the view and focus goes back to the image in the lesson.
 */

/** One zoom step (a button, a key) enlarges by half; the view enlarges the fitted image 6 times at most. */
const zoomStep = Math.log(1.5);
const maxScale = 6;
/** An arrow key moves the image by this share of the view. */
const panShare = 0.1;

interface View {
	dialog: HTMLDialogElement;
	stage: HTMLElement;
}

let view: View | undefined;
let current: { panzoom: PanzoomObject; trigger: HTMLElement; animate: boolean } | undefined;

export function openZoom(trigger: HTMLElement): void {
	if (current) return;
	view ??= createView();
	const { dialog, stage } = view;
	const image = fullResolution(trigger);
	const picture = image.closest('picture') ?? image;
	stage.replaceChildren(picture);
	dialog.setAttribute('aria-label', image.alt);
	dialog.showModal();
	dialog.focus();
	const animate = !matchMedia('(prefers-reduced-motion: reduce)').matches;
	const panzoom = Panzoom(picture, {
		minScale: 1,
		maxScale,
		// Panzoom counts a step as the exponent of the scale change.
		step: zoomStep,
		contain: 'outside',
		cursor: 'grab',
		animate,
	});
	current = { panzoom, trigger, animate };
}

/** A copy of the lesson image that asks for its largest file: the zoom view is for the details. */
function fullResolution(trigger: HTMLElement): HTMLImageElement {
	const copy = trigger.firstElementChild!.cloneNode(true) as HTMLElement;
	for (const source of copy.querySelectorAll('source')) {
		const candidates = source.srcset.split(',').map((c) => c.trim().split(/\s+/));
		const widest = candidates.sort((a, b) => parseInt(b[1] ?? '0') - parseInt(a[1] ?? '0'))[0]!;
		source.srcset = widest[0]!;
		source.removeAttribute('sizes');
	}
	const image = copy instanceof HTMLImageElement ? copy : copy.querySelector('img')!;
	image.loading = 'eager';
	image.removeAttribute('srcset');
	image.removeAttribute('sizes');
	return image;
}

function createView(): View {
	const sheet = new CSSStyleSheet();
	sheet.replaceSync(styles);
	document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
	const dialog = document.createElement('dialog');
	dialog.className = 'zoom-view';
	dialog.tabIndex = -1;
	dialog.setAttribute('aria-describedby', 'zoom-view-help');
	dialog.innerHTML = `
		<div class="zoom-view-bar">
			<button type="button" data-zoom="in">Zoom in</button>
			<button type="button" data-zoom="out">Zoom out</button>
			<button type="button" data-zoom="fit">Fit</button>
			<button type="button" data-zoom="close">Close</button>
		</div>
		<div class="zoom-view-stage"></div>
		<p class="zoom-view-help" id="zoom-view-help">Pinch or scroll to zoom, drag to move. Keys: + and − zoom, arrows move, 0 fits, Escape closes.</p>`;
	const stage = dialog.querySelector<HTMLElement>('.zoom-view-stage')!;
	dialog.querySelector('.zoom-view-bar')!.addEventListener('click', (event) => {
		const action = (event.target as Element).closest<HTMLElement>('[data-zoom]')?.dataset.zoom;
		if (action === 'close') dialog.close();
		else if (action) act(action as Action);
	});
	stage.addEventListener('wheel', (event) => current?.panzoom.zoomWithWheel(event), { passive: false });
	dialog.addEventListener('keydown', (event) => {
		const action = keyActions[event.key];
		if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
		event.preventDefault();
		act(action);
	});
	dialog.addEventListener('close', () => {
		if (!current) return;
		current.panzoom.destroy();
		stage.replaceChildren();
		const { trigger } = current;
		current = undefined;
		trigger.focus();
	});
	document.body.append(dialog);
	return { dialog, stage };
}

type Action = 'in' | 'out' | 'fit' | 'left' | 'right' | 'up' | 'down';

const keyActions: Record<string, Action> = {
	'+': 'in',
	'=': 'in',
	'-': 'out',
	'_': 'out',
	'0': 'fit',
	ArrowLeft: 'left',
	ArrowRight: 'right',
	ArrowUp: 'up',
	ArrowDown: 'down',
};

function act(action: Action) {
	if (!current || !view) return;
	const { panzoom } = current;
	// Panzoom animates zoom and reset unless told otherwise, whatever its own options say.
	const animate = { animate: current.animate };
	const scale = panzoom.getScale();
	// Pan values are in the image's own, unscaled pixels: a screen share shrinks as the image grows.
	const dx = (view.stage.clientWidth * panShare) / scale;
	const dy = (view.stage.clientHeight * panShare) / scale;
	switch (action) {
		case 'in':
			return panzoom.zoomIn(animate);
		case 'out':
			return panzoom.zoomOut(animate);
		case 'fit':
			return panzoom.reset(animate);
		// An arrow shows more of what lies that way, so the image moves the other way.
		case 'left':
			return panzoom.pan(dx, 0, { relative: true });
		case 'right':
			return panzoom.pan(-dx, 0, { relative: true });
		case 'up':
			return panzoom.pan(0, dy, { relative: true });
		case 'down':
			return panzoom.pan(0, -dy, { relative: true });
	}
}

/**
 * The course overview's part of the offline copy that runs on every visit: it shows the control
 * where the browser supports it, and loads the rest (Workbox's window library among it) only when
 * the learner asks for the copy or already has it.
 */
export function showOfflineControl(): void {
	const section = document.querySelector<HTMLElement>('.offline-copy');
	const control = section?.querySelector<HTMLElement>('.offline-control');
	if (!section || !control || !('serviceWorker' in navigator) || !('caches' in window)) return;
	control.hidden = false;
	const copy = () => import('./offline-copy.ts');
	const on = (action: string, run: (module: typeof import('./offline-copy.ts')) => Promise<void>) =>
		section.querySelector(`[data-offline-action="${action}"]`)!.addEventListener('click', () => void copy().then(run));
	on('download', (module) => module.download(section));
	on('remove', (module) => module.remove(section));
	// The overview is at the worker's scope, the base path: the registration of this page is the copy's.
	void navigator.serviceWorker.getRegistration().then((registration) => {
		if (registration?.active) void copy().then((module) => module.showReady(section));
	});
}

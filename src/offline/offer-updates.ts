/**
 * Run on every page. Only a learner with the offline copy has a page served by the worker; for them
 * the update prompt (and Workbox's window library) loads. Everyone else loads nothing more.
 */
export function offerUpdates(): void {
	if (navigator.serviceWorker?.controller) void import('./update-prompt.ts');
}

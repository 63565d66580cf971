/**
 * The colour theme, set before the page paints: inlined in every page's head by ThemeProvider.astro,
 * minified. Starlight 0.42's ThemeProvider and ThemeSelect scripts in one, with storage read and
 * written in a try: a browser set to block site data throws on `localStorage`, and Starlight's own
 * scripts then stop with an error; here the choice then holds for the page.
 */
window.StarlightThemeProvider = (() => {
	const key = 'starlight-theme';
	const scheme = matchMedia('(prefers-color-scheme: light)');
	const parse = (theme) => (theme === 'dark' || theme === 'light' ? theme : 'auto');
	const stored = () => {
		try {
			return parse(localStorage.getItem(key));
		} catch {
			return 'auto';
		}
	};
	// Shows a choice on the page and in every picker parsed so far.
	const show = (theme) => {
		document.documentElement.dataset.theme = theme === 'auto' ? (scheme.matches ? 'light' : 'dark') : theme;
		const icon = document.querySelector('#theme-icons')?.content.querySelector('.' + theme);
		for (const picker of document.querySelectorAll('starlight-theme-select')) {
			picker.querySelector('select').value = theme;
			if (icon) picker.querySelector('svg.label-icon')?.replaceChildren(...icon.cloneNode(true).childNodes);
		}
	};
	show(stored());
	scheme.addEventListener('change', () => stored() === 'auto' && show('auto'));
	customElements.define(
		'starlight-theme-select',
		class extends HTMLElement {
			connectedCallback() {
				// Listened to on the element: its <select> is not parsed yet when it connects.
				this.addEventListener('change', (event) => {
					const theme = parse(event.target.value);
					show(theme);
					try {
						localStorage.setItem(key, theme === 'auto' ? '' : theme);
					} catch {}
				});
			}
		},
	);
	return { updatePickers: () => show(stored()) };
})();

// Starlight's virtual module that the search override imports (Starlight does not publish its types):
// the site's `pagefind` options, which no public API hands to a component.
declare module 'virtual:starlight/pagefind-config' {
	export const pagefindUserConfig: Record<string, unknown>;
}

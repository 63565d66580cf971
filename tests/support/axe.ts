import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The rules every page is held to: WCAG 2.1, levels A and AA. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
	rule: string;
	/** CSS selectors of the offending elements. */
	targets: string[];
}

/**
 * axe's WCAG 2.1 A/AA violations on a page, in the parts named by `regions` (all of it when none).
 *
 * Legacy mode runs axe once in the page itself. By default the library opens a blank page for every
 * run to merge the results of cross-origin frames, which the site has none of; that page costs more
 * than axe's own checks: over the suite's few dozen runs, about 25 CPU-seconds, an eighth of the
 * browser tests' time on two cores.
 */
export async function axeViolations(page: Page, ...regions: string[]): Promise<AxeViolation[]> {
	let builder = new AxeBuilder({ page }).withTags(wcagTags).setLegacyMode(true);
	for (const region of regions) builder = builder.include(region);
	const { violations } = await builder.analyze();
	return violations.map((violation) => ({ rule: violation.id, targets: violation.nodes.map((node) => node.target.join(' ')) }));
}

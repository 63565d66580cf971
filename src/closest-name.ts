import { closest, distance } from 'fastest-levenshtein';

/**
 * The known name a mistyped one was probably meant to be: the closest, if at most a third of its
 * letters differ (two for short names). Used for "did you mean" in build errors.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
	if (known.length === 0) return undefined;
	const candidate = closest(name, [...known]);
	return distance(name.toLowerCase(), candidate.toLowerCase()) <= Math.max(2, Math.floor(name.length / 3)) ? candidate : undefined;
}

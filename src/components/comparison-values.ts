/**
 * The values a comparison table cell may hold, declared once for the remark plugin that reads
 * the author's table and for the component that renders it.
 */
export const comparisonValues = ['yes', 'no'] as const;

export type ComparisonValue = (typeof comparisonValues)[number];

export function isComparisonValue(value: string): value is ComparisonValue {
	return (comparisonValues as readonly string[]).includes(value);
}

/** What assistive technology reads for each value; the eye sees a mark instead. */
export const comparisonValueLabels: Record<ComparisonValue, string> = {
	yes: 'Yes',
	no: 'No',
};

/** One feature and its value in each compared column (a type alias, so it can be passed as a prop from a plugin). */
export type ComparisonRow = {
	feature: string;
	values: ComparisonValue[];
};

/**
 * The course's title as a file-name-safe word ("MLOps Course" gives "mlops-course"): it names the
 * module's PDF and the progress file a learner saves, and says which course a progress file
 * belongs to.
 */
export function courseSlug(title: string): string {
	return title
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

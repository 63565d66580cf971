/**
 * The course module as a whole: its title, what it covers and the exam domain its lessons belong
 * to. The site header, the landing page, the page descriptions and the exam-domain box at the top
 * of every lesson read them from here, so each is written once.
 */
export const course = {
	title: 'MLOps Course',
	description:
		'An MLOps course module: continuous integration and delivery for ML, the teams in the ML process, nonfunctional requirements, automated testing and SageMaker Projects.',
	/** The certification exam domain of the module; a lesson may name another in its frontmatter. */
	domain: { number: 3, title: 'Deployment and Orchestration of ML Workflows' },
	/** The folder under src/content/docs that holds the lessons, in the sidebar under `sidebarLabel`. */
	lessonsDirectory: 'lessons',
	sidebarLabel: 'Deployment and orchestration',
} as const;

export type ExamDomain = { number: number; title: string };

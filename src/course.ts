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
	/**
	 * The module as an LMS package (`npm run package:lms`, docs/lms.md). `identifier` names the
	 * package and its one SCO/AU in every LMS: keep it when the lessons change, so that an LMS takes
	 * a new build as an update of the same module. `passMark` is the share of knowledge checks
	 * answered right (0 to 1) for "passed"; `undefined` reports "completed" only.
	 */
	lms: { identifier: 'mlops-course-deployment-orchestration', passMark: 0.8 as number | undefined },
} as const;

export type ExamDomain = { number: number; title: string };

/**
 * What a package's launch page knows of the module, read from the build at packaging time: its
 * identifier and pass mark (src/course.ts), and each lesson with its page and the keys of its
 * knowledge checks, in course order. It travels in the launch page as JSON.
 */
export interface CourseMap {
	identifier: string;
	title: string;
	/** Share of checks answered right (0 to 1) for "passed"; none: "completed" only. */
	passMark?: number;
	lessons: MappedLesson[];
}

export interface MappedLesson {
	id: string;
	/** The lesson's page, relative to the package root: `lessons/x/index.html`. */
	page: string;
	checks: string[];
}

import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';

/**
 * What a lesson may declare in its frontmatter besides Starlight's fields. The object is strict,
 * and the loader reports any key the schema does not know with the key that was probably meant.
 */
const courseFrontmatter = z.strictObject({
	/** The page's address instead of its file path (Starlight and Astro read it). */
	slug: z.string().trim().min(1).optional(),
	/** One or two sentences for the course overview; `description` stays the page's meta description. */
	summary: z.string().trim().min(1).optional(),
	/** The exam domain, when it is not the course's (src/course.ts). */
	domain: z
		.strictObject({
			number: z.number().int().positive(),
			title: z.string().trim().min(1),
		})
		.optional(),
});

/** The docs collection's schema: Starlight's frontmatter and the course's. */
export const lessonSchema = docsSchema({ extend: courseFrontmatter });

/**
 * The same schema, ready to check frontmatter outside Astro's content layer (the loader, tests).
 * `image()` only matters for a hero image, which lessons do not have; a path is enough to check it.
 */
export const lessonSchemaForChecks = lessonSchema({ image: () => z.string() } as unknown as Parameters<typeof lessonSchema>[0]);

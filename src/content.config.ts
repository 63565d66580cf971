import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

/**
 * Course metadata a lesson may declare in its frontmatter.
 * The object is strict so that a misspelt key (`domian:`) fails the build
 * with the lesson's file named, instead of being silently dropped.
 */
const courseFrontmatter = z.strictObject({
	/** The certification exam domain the lesson belongs to. */
	domain: z
		.strictObject({
			number: z.number().int().positive(),
			title: z.string().trim().min(1),
		})
		.optional(),
});

export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: courseFrontmatter }) }),
	// An empty i18n collection keeps Starlight from warning that it is missing.
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};

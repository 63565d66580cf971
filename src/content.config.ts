import { defineCollection } from 'astro:content';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { i18nSchema } from '@astrojs/starlight/schema';
import { lessonSchema, lessonSchemaForChecks } from './collection/lesson-schema.ts';
import { lessonsLoader } from './collection/lessons-loader.ts';

export const collections = {
	docs: defineCollection({ loader: lessonsLoader({ schema: lessonSchemaForChecks }), schema: lessonSchema }),
	// An empty i18n collection keeps Starlight from warning that it is missing.
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};

/**
 * The two packages' descriptions: SCORM 1.2's imsmanifest.xml (one SCO, the launch page) and
 * cmi5's cmi5.xml (one AU). Identifiers come from src/course.ts, so a new build is the same module.
 */
import type { CourseMap } from './course-map.ts';

const xml = (text: string) => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);

export const launchPagePath = 'lms/launch.html';

export function scormManifest(map: CourseMap, files: string[]): string {
	const id = xml(map.identifier);
	const mastery = map.passMark === undefined ? '' : `\n\t\t\t\t<adlcp:masteryscore>${Math.round(map.passMark * 100)}</adlcp:masteryscore>`;
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
	xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
	xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
	xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
	xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
	<metadata>
		<schema>ADL SCORM</schema>
		<schemaversion>1.2</schemaversion>
	</metadata>
	<organizations default="${id}-org">
		<organization identifier="${id}-org">
			<title>${xml(map.title)}</title>
			<item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
				<title>${xml(map.title)}</title>${mastery}
			</item>
		</organization>
	</organizations>
	<resources>
		<resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${launchPagePath}">
${files.map((file) => `\t\t\t<file href="${xml(file)}"/>`).join('\n')}
		</resource>
	</resources>
</manifest>
`;
}

export function cmi5Manifest(map: CourseMap, description: string): string {
	const iri = `urn:course:${encodeURIComponent(map.identifier)}`;
	const mastery = map.passMark === undefined ? '' : ` masteryScore="${map.passMark}"`;
	const moveOn = map.passMark === undefined ? 'Completed' : 'CompletedAndPassed';
	return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
	<course id="${xml(iri)}">
		<title><langstring lang="en">${xml(map.title)}</langstring></title>
		<description><langstring lang="en">${xml(description)}</langstring></description>
	</course>
	<au id="${xml(iri)}/au" moveOn="${moveOn}"${mastery} launchMethod="AnyWindow">
		<title><langstring lang="en">${xml(map.title)}</langstring></title>
		<description><langstring lang="en">${xml(description)}</langstring></description>
		<url>${launchPagePath}</url>
	</au>
</courseStructure>
`;
}

import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';

type SpecDatabase = Awaited<ReturnType<typeof loadAwsServiceSpec>>;
type Template = { Parameters?: Record<string, unknown>; Conditions?: Record<string, unknown>; Resources: Record<string, any>; Outputs?: Record<string, any> };
type Properties = Record<string, { type: any; required?: boolean }>;

const pseudoParameters = new Set([
	'AWS::AccountId', 'AWS::NoValue', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix',
]);
const intrinsics = new Set([
	'Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::If', 'Fn::Join', 'Fn::Select', 'Fn::Split', 'Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or',
	'Fn::ImportValue', 'Fn::FindInMap', 'Fn::Base64', 'Fn::GetAZs', 'Fn::Cidr', 'Fn::Length', 'Fn::ToJsonString',
]);

/**
 * Checks a CloudFormation template against AWS's own resource schemas (the database the AWS CDK
 * is generated from, npm @aws-cdk/aws-service-spec): resource types, property names, required
 * properties, value types and allowed values, nested types, and that every Ref, GetAtt, Sub and
 * Condition names something the template has. cfn-lint does more, but it needs Python; this
 * catches the mistakes a hand-edited template makes. Returns the problems found, each with its path.
 */
export async function templateProblems(template: Template, db?: SpecDatabase): Promise<string[]> {
	const spec = db ?? (await loadAwsServiceSpec());
	const problems: string[] = [];
	// Kept apart: trying the types of a union drops the type problems of the types that did not fit.
	const referenceProblems: string[] = [];
	const resources = template.Resources ?? {};
	const resourceSpec = (name: string) => {
		const type = resources[name]?.Type;
		return type ? spec.lookup('resource', 'cloudFormationType', 'equals', type)[0] : undefined;
	};

	const checkRef = (name: string, path: string) => {
		if (!(name in resources) && !(name in (template.Parameters ?? {})) && !pseudoParameters.has(name)) referenceProblems.push(`${path}: Ref to unknown ${name}`);
	};
	const checkGetAtt = (resource: string, attribute: string, path: string) => {
		const found = resourceSpec(resource);
		if (!found) referenceProblems.push(`${path}: GetAtt of unknown resource ${resource}`);
		else if (!(attribute in found.attributes)) referenceProblems.push(`${path}: ${resources[resource].Type} has no attribute ${attribute}`);
	};

	/** Checks an intrinsic function's references; true when `value` is one. */
	const intrinsic = (value: unknown, path: string, type?: any): boolean => {
		if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
		const keys = Object.keys(value);
		if (keys.length !== 1 || !intrinsics.has(keys[0]!)) return false;
		const [name, argument] = [keys[0]!, (value as Record<string, any>)[keys[0]!]];
		if (name === 'Ref') checkRef(argument, path);
		if (name === 'Fn::GetAtt') checkGetAtt(argument[0], argument[1], path);
		if (name === 'Fn::Sub') {
			for (const match of String(argument).matchAll(/\$\{([^!}][^}]*)\}/g)) {
				const [resource, attribute] = match[1]!.split('.');
				if (attribute) checkGetAtt(resource!, attribute, path);
				else checkRef(resource!, path);
			}
		}
		if (name === 'Fn::If') {
			if (!(argument[0] in (template.Conditions ?? {}))) referenceProblems.push(`${path}: unknown condition ${argument[0]}`);
			for (const branch of argument.slice(1)) if (type && !(branch?.Ref === 'AWS::NoValue')) checkValue(branch, type, path);
		}
		return true;
	};

	const checkProperties = (value: unknown, properties: Properties, path: string) => {
		if (intrinsic(value, path)) return;
		if (value === null || typeof value !== 'object' || Array.isArray(value)) {
			problems.push(`${path}: expected an object`);
			return;
		}
		for (const [key, property] of Object.entries(properties)) {
			if (property.required && !(key in value)) problems.push(`${path}: missing required ${key}`);
		}
		for (const [key, child] of Object.entries(value)) {
			const property = properties[key];
			if (!property) problems.push(`${path}: unknown property ${key}`);
			else checkValue(child, property.type, `${path}.${key}`);
		}
	};

	const checkValue = (value: unknown, type: any, path: string): void => {
		if (intrinsic(value, path, type)) return;
		switch (type.type) {
			case 'string':
			case 'date-time':
				if (typeof value !== 'string' && typeof value !== 'number') problems.push(`${path}: expected a string`);
				else if (type.allowedValues && !type.allowedValues.includes(String(value))) problems.push(`${path}: "${value}" is not one of ${type.allowedValues.join(', ')}`);
				return;
			case 'number':
			case 'integer':
				if (typeof value !== 'number' && !(typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))) problems.push(`${path}: expected a number`);
				return;
			case 'boolean':
				if (typeof value !== 'boolean' && value !== 'true' && value !== 'false') problems.push(`${path}: expected true or false`);
				return;
			case 'json':
				checkJson(value, path);
				return;
			case 'ref':
				checkProperties(value, spec.get('typeDefinition', type.reference).properties as Properties, path);
				return;
			case 'array':
				if (!Array.isArray(value)) problems.push(`${path}: expected a list`);
				else value.forEach((item, index) => checkValue(item, type.element, `${path}[${index}]`));
				return;
			case 'map':
				if (value === null || typeof value !== 'object') problems.push(`${path}: expected a map`);
				else for (const [key, item] of Object.entries(value)) checkValue(item, type.element, `${path}.${key}`);
				return;
			case 'union': {
				const fits = type.types.some((option: unknown) => {
					const mark = problems.length;
					checkValue(value, option, path);
					const fitted = problems.length === mark;
					problems.splice(mark);
					return fitted;
				});
				if (!fits) problems.push(`${path}: fits none of the types it may have`);
				return;
			}
			case 'tag':
				checkProperties(value, { Key: { type: { type: 'string' }, required: true }, Value: { type: { type: 'string' }, required: true } }, path);
				return;
		}
	};

	/** Free-form JSON (policy documents): only the intrinsics inside are checked. */
	const checkJson = (value: unknown, path: string) => {
		if (intrinsic(value, path)) return;
		if (Array.isArray(value)) value.forEach((item, index) => checkJson(item, `${path}[${index}]`));
		else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) checkJson(item, `${path}.${key}`);
	};

	for (const [name, resource] of Object.entries(resources)) {
		const found = resourceSpec(name);
		if (!found) {
			problems.push(`Resources.${name}: unknown type ${resource.Type}`);
			continue;
		}
		if (resource.Condition && !(resource.Condition in (template.Conditions ?? {}))) referenceProblems.push(`Resources.${name}: unknown condition ${resource.Condition}`);
		checkProperties(resource.Properties ?? {}, found.properties as Properties, `Resources.${name}.Properties`);
	}
	for (const [name, output] of Object.entries(template.Outputs ?? {})) checkJson(output.Value, `Outputs.${name}`);
	return [...problems, ...new Set(referenceProblems)];
}

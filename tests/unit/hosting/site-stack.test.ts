import { readFileSync } from 'node:fs';
import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../../../src/hosting/header-rules.ts';
import { functionSourceFile, securityHeadersConfig, siteStackTemplate, siteStackYaml, templateFile } from '../../../src/hosting/site-stack.ts';
import { templateProblems } from '../../support/cloudformation-spec.ts';

const template = siteStackTemplate() as any;
const resources = template.Resources;
const props = (name: string) => resources[name].Properties;
type Statement = { Sid?: string; Effect: string; Principal?: unknown; Action: string | string[]; Resource: unknown; Condition?: unknown };

describe('the CloudFormation template (src/hosting/site-stack.yaml)', () => {
	let db: Awaited<ReturnType<typeof loadAwsServiceSpec>>;
	beforeAll(async () => {
		db = await loadAwsServiceSpec();
	});

	it('is what src/hosting/site-stack.ts builds (run npm run hosting:template after changing it)', () => {
		const committed = readFileSync(templateFile, 'utf8');
		expect(committed).toBe(siteStackYaml());
		expect(parse(committed)).toEqual(template);
	});

	it('uses only resource types, properties and values that CloudFormation knows', async () => {
		expect(await templateProblems(template, db)).toEqual([]);
	});

	it('would be caught misspelling a property or a name, leaving out a required property, or giving a wrong type', async () => {
		const broken = structuredClone(template);
		broken.Resources.SiteBucket.Properties.PublicAccesBlockConfiguration = {};
		delete broken.Resources.Distribution.Properties.DistributionConfig.Enabled;
		broken.Resources.Distribution.Properties.DistributionConfig.Origins[0].DomainName = { 'Fn::GetAtt': ['SiteBucket', 'WebsiteDomain'] };
		broken.Resources.Distribution.Properties.DistributionConfig.DefaultCacheBehavior.Compress = 'yes';
		broken.Resources.DeployRole.Properties.Policies[0].PolicyDocument.Statement[0].Resource = { Ref: 'SiteBuckett' };
		expect(await templateProblems(broken, db)).toEqual([
			'Resources.SiteBucket.Properties: unknown property PublicAccesBlockConfiguration',
			'Resources.Distribution.Properties.DistributionConfig: missing required Enabled',
			'Resources.Distribution.Properties.DistributionConfig.DefaultCacheBehavior.Compress: expected true or false',
			'Resources.Distribution.Properties.DistributionConfig.Origins[0].DomainName: AWS::S3::Bucket has no attribute WebsiteDomain',
			'Resources.DeployRole.Properties.Policies[0].PolicyDocument.Statement[0].Resource: Ref to unknown SiteBuckett',
		]);
	});

	it('keeps the bucket private: no public access, no website endpoint, objects owned by the account', () => {
		expect(props('SiteBucket').PublicAccessBlockConfiguration).toEqual({
			BlockPublicAcls: true,
			BlockPublicPolicy: true,
			IgnorePublicAcls: true,
			RestrictPublicBuckets: true,
		});
		expect(props('SiteBucket').WebsiteConfiguration).toBeUndefined();
		expect(props('SiteBucket').OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
	});

	it('lets only this distribution read the bucket, through origin access control, over HTTPS', () => {
		const statements: Statement[] = props('SiteBucketPolicy').PolicyDocument.Statement;
		const allows = statements.filter((statement) => statement.Effect === 'Allow');
		expect(allows).toHaveLength(1);
		expect(allows[0]).toMatchObject({
			Principal: { Service: 'cloudfront.amazonaws.com' },
			Action: 's3:GetObject',
			Condition: { StringEquals: { 'AWS:SourceArn': { 'Fn::Sub': expect.stringContaining(':distribution/${Distribution}') } } },
		});
		expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));

		expect(props('OriginAccessControl').OriginAccessControlConfig).toMatchObject({
			OriginAccessControlOriginType: 's3',
			SigningBehavior: 'always',
			SigningProtocol: 'sigv4',
		});
		const [origin] = props('Distribution').DistributionConfig.Origins;
		expect(origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': ['OriginAccessControl', 'Id'] });
		expect(origin.DomainName).toEqual({ 'Fn::GetAtt': ['SiteBucket', 'RegionalDomainName'] });
		expect(origin.S3OriginConfig.OriginAccessIdentity).toBe('');
	});

	it('serves HTTPS only, with the folder-URL function, the headers policy and the 404 page', () => {
		const config = props('Distribution').DistributionConfig;
		expect(config.DefaultCacheBehavior).toMatchObject({
			ViewerProtocolPolicy: 'redirect-to-https',
			AllowedMethods: ['GET', 'HEAD'],
			ResponseHeadersPolicyId: { Ref: 'ResponseHeadersPolicy' },
			CachePolicyId: { Ref: 'CachePolicy' },
			FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': ['FolderIndexFunction', 'FunctionARN'] } }],
		});
		expect(config.CacheBehaviors).toBeUndefined();
		expect(config.CustomErrorResponses.map((response: { ErrorCode: number; ResponseCode: number }) => [response.ErrorCode, response.ResponseCode])).toEqual([
			[403, 404],
			[404, 404],
		]);
		expect(props('FolderIndexFunction').FunctionCode).toBe(readFileSync(functionSourceFile, 'utf8'));
		expect(props('FolderIndexFunction').FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
		// With a custom domain, TLS 1.2 at least.
		expect(JSON.stringify(config.ViewerCertificate)).toContain('TLSv1.2_2021');
	});

	it('caches by path alone and follows each file\'s Cache-Control', () => {
		const config = props('CachePolicy').CachePolicyConfig;
		expect(config.MinTTL).toBe(0);
		expect(config.ParametersInCacheKeyAndForwardedToOrigin).toMatchObject({
			CookiesConfig: { CookieBehavior: 'none' },
			HeadersConfig: { HeaderBehavior: 'none' },
			QueryStringsConfig: { QueryStringBehavior: 'none' },
		});
	});

	it('sends every security header of the header rules, and the build\'s CSP from the stack parameter', () => {
		const config = props('ResponseHeadersPolicy').ResponseHeadersPolicyConfig;
		expect(config.SecurityHeadersConfig.ContentSecurityPolicy).toEqual({ ContentSecurityPolicy: { Ref: 'ContentSecurityPolicy' }, Override: true });
		expect(config.SecurityHeadersConfig.StrictTransportSecurity.AccessControlMaxAgeSec).toBe(
			Number(/max-age=(\d+)/.exec(securityHeaders['Strict-Transport-Security'])![1]),
		);
		expect(config.SecurityHeadersConfig.ContentTypeOptions).toEqual({ Override: true });
		expect(config.SecurityHeadersConfig.ReferrerPolicy.ReferrerPolicy).toBe(securityHeaders['Referrer-Policy']);
		expect(config.CustomHeadersConfig.Items).toEqual([{ Header: 'Permissions-Policy', Value: securityHeaders['Permissions-Policy'], Override: true }]);
		expect(template.Parameters.ContentSecurityPolicy.MaxLength).toBe(1783);
	});

	it('maps only headers CloudFront can send as they are', () => {
		expect(() => securityHeadersConfig({ 'X-Content-Type-Options': 'sniff' })).toThrow(/nosniff/);
		expect(() => securityHeadersConfig({ 'Content-Security-Policy': "default-src 'self'" })).toThrow(/from the build/);
		expect(securityHeadersConfig({ 'X-Frame-Options': 'deny' }).SecurityHeadersConfig.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
	});

	it('lets only the repository\'s branch assume the deploy role, through GitHub OIDC', () => {
		const [trust] = props('DeployRole').AssumeRolePolicyDocument.Statement;
		expect(trust.Action).toBe('sts:AssumeRoleWithWebIdentity');
		expect(trust.Condition.StringEquals).toEqual({
			'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
			'token.actions.githubusercontent.com:sub': { 'Fn::Sub': 'repo:${GitHubRepository}:ref:refs/heads/${GitHubBranch}' },
		});
		expect(props('GitHubOidcProvider').Url).toBe('https://token.actions.githubusercontent.com');
	});

	it('gives the deploy role the calls of npm run deploy:aws, on this stack\'s resources, and nothing else', () => {
		const statements: Statement[] = props('DeployRole').Policies.flatMap((policy: { PolicyDocument: { Statement: Statement[] } }) => policy.PolicyDocument.Statement);
		const actions = statements.flatMap((statement) => [statement.Action].flat()).sort();
		expect(actions).toEqual(
			[
				'cloudformation:DescribeStacks',
				'cloudformation:UpdateStack',
				'cloudfront:CreateInvalidation',
				'cloudfront:GetInvalidation',
				'cloudfront:GetResponseHeadersPolicy',
				'cloudfront:UpdateResponseHeadersPolicy',
				's3:DeleteObject',
				's3:ListBucket',
				's3:PutObject',
			].sort(),
		);
		for (const statement of statements) {
			expect(statement.Effect).toBe('Allow');
			expect(JSON.stringify(statement.Resource)).not.toMatch(/"\*"|:\*"/);
		}
	});

	it('has the outputs the deploy reads', () => {
		expect(Object.keys(template.Outputs)).toEqual(expect.arrayContaining(['BucketName', 'DistributionId', 'SiteUrl', 'DeployRoleArn']));
	});
});

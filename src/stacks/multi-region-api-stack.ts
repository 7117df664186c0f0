import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AssetType, TerraformAsset, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { bundleHandler } from '../bundling';
import { MultiRegionConfig } from '../config/types';
import { RegionalApi } from '../constructs/regional-api';

export const API_STACK_NAME = 'multi-region-api';

export interface MultiRegionApiStackProps {
  readonly config: MultiRegionConfig;
}

/** The whole system: one aliased AWS provider and one RegionalApi per configured region. */
export class MultiRegionApiStack extends TerraformStack {
  readonly providers: ReadonlyMap<string, AwsProvider>;
  readonly regionalApis: readonly RegionalApi[];

  constructor(scope: Construct, id: string, props: MultiRegionApiStackProps) {
    super(scope, id);
    const { config } = props;

    const helloWorldCode = new TerraformAsset(this, 'hello-world-code', {
      path: bundleHandler('hello-world'), type: AssetType.ARCHIVE,
    });
    const healthCheckCode = new TerraformAsset(this, 'health-check-code', {
      path: bundleHandler('health-check'), type: AssetType.ARCHIVE,
    });

    const providers = new Map<string, AwsProvider>();
    for (const region of config.regions) {
      providers.set(region, new AwsProvider(this, `aws-${region}`, {
        region, alias: region, defaultTags: [{ tags: { ...config.tags } }],
      }));
    }
    this.providers = providers;

    this.regionalApis = config.regions.map((region) => new RegionalApi(this, `region-${region}`, {
      region,
      provider: providers.get(region)!,
      namePrefix: config.namePrefix,
      helloWorldCode,
      healthCheckCode,
      memoryMb: config.lambda.memoryMb,
      timeoutSeconds: config.lambda.timeoutSeconds,
      logRetentionDays: config.lambda.logRetentionDays,
      dependencyUrls: config.healthCheck.dependencies,
      dependencyTimeoutMs: config.healthCheck.dependencyTimeoutMs,
      allowOrigins: config.cors.allowOrigins,
    }));
  }
}

import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { S3StateConfig } from '../config/types';
import { StateBucket } from '../constructs/state-bucket';
import { StateLockTable } from '../constructs/state-lock-table';
import { BOOTSTRAP_STACK_NAME } from '../contract';
import { localStatePath } from './backend';

export const BOOTSTRAP_STATE_FILE = `terraform.${BOOTSTRAP_STACK_NAME}.tfstate`;

export interface StateBootstrapStackProps {
  /** The S3 backend settings of the `multi-region-api` stack: the bucket (and lock table) to create. */
  readonly state: S3StateConfig;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Creates what the API stack's S3 backend needs before its first `init`. Its own state cannot live in a bucket
 * that does not exist yet, so it stays local (in the project root).
 */
export class StateBootstrapStack extends TerraformStack {
  readonly stateBucket: StateBucket;
  readonly lockTable?: StateLockTable;

  constructor(scope: Construct, id: string, props: StateBootstrapStackProps) {
    super(scope, id);
    const { state } = props;
    new LocalBackend(this, { path: localStatePath(BOOTSTRAP_STATE_FILE) });
    new AwsProvider(this, 'aws', { region: state.region, defaultTags: [{ tags: { ...props.tags } }] });

    this.stateBucket = new StateBucket(this, 'state-bucket', { bucketName: state.bucket });
    new TerraformOutput(this, 'state_bucket', { value: this.stateBucket.bucket.bucket });
    new TerraformOutput(this, 'state_region', { value: state.region });
    if (state.dynamodbTable) {
      this.lockTable = new StateLockTable(this, 'lock-table', { tableName: state.dynamodbTable });
      new TerraformOutput(this, 'lock_table', { value: this.lockTable.table.name });
    }
  }
}

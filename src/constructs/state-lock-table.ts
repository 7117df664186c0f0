import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { Construct } from 'constructs';

export interface StateLockTableProps {
  readonly tableName: string;
}

/** The DynamoDB table Terraform's S3 backend locks with (`dynamodb_table`): one string key, `LockID`. */
export class StateLockTable extends Construct {
  readonly table: DynamodbTable;

  constructor(scope: Construct, id: string, props: StateLockTableProps) {
    super(scope, id);
    this.table = new DynamodbTable(this, 'table', {
      name: props.tableName,
      billingMode: 'PAY_PER_REQUEST',
      hashKey: 'LockID',
      attribute: [{ name: 'LockID', type: 'S' }],
      serverSideEncryption: { enabled: true },
      deletionProtectionEnabled: true,
    });
  }
}

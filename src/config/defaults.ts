/** Every optional setting's default, in one place (the README's configuration table mirrors this file). */
export const DEFAULTS = {
  namePrefix: 'multi-region-api',
  corsAllowOrigins: ['*'],
  lambdaMemoryMb: 128,
  lambdaTimeoutSeconds: 5,
  logRetentionDays: 14,
  healthCheckRequestInterval: 10,
  healthCheckFailureThreshold: 2,
  healthCheckDependencyTimeoutMs: 1500,
  dnsRecordType: 'ALIAS',
  /** Route 53 answers ALIAS records to AWS targets with a 60 s TTL; CNAMEs get this unless `dns.ttl` says otherwise. */
  dnsTtl: 60,
  throttlingRateLimit: 100,
  throttlingBurstLimit: 50,
  stateBackend: 's3',
  stateKey: 'multi-region-api/terraform.tfstate',
  localStatePath: 'terraform.multi-region-api.tfstate',
  cloudHostname: 'app.terraform.io',
} as const;

/** The S3 state bucket's default name: bucket names are global, so real deployments should set their own. */
export function defaultStateBucket(namePrefix: string): string {
  return `${namePrefix}-terraform-state`;
}

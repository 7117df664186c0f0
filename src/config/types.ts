/** The validated settings the whole app is built from. Read once in main.ts; everything below takes typed props. */
export interface MultiRegionConfig {
  readonly domainName: string;
  readonly hostedZoneId: string;
  readonly regions: readonly string[];
  readonly namePrefix: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly cors: CorsConfig;
  readonly lambda: LambdaConfig;
  readonly healthCheck: HealthCheckConfig;
  readonly dns: DnsConfig;
  readonly api: ApiConfig;
  readonly alarms: AlarmsConfig;
  readonly state: StateConfig;
}

export interface CorsConfig {
  readonly allowOrigins: readonly string[];
}

export interface LambdaConfig {
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly logRetentionDays: number;
}

export type HealthCheckInterval = 10 | 30;

export interface HealthCheckConfig {
  readonly requestInterval: HealthCheckInterval;
  readonly failureThreshold: number;
  readonly checkerRegions: readonly string[];
  readonly dependencies: readonly string[];
  readonly dependencyTimeoutMs: number;
}

export type DnsRecordType = 'ALIAS' | 'CNAME';

export interface DnsConfig {
  readonly recordType: DnsRecordType;
  readonly ttl: number;
}

export interface ApiConfig {
  readonly throttlingRateLimit: number;
  readonly throttlingBurstLimit: number;
}

export interface AlarmsConfig {
  readonly emails: readonly string[];
}

export type StateConfig = S3StateConfig | CloudStateConfig | LocalStateConfig;

export interface S3StateConfig {
  readonly backend: 's3';
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
  readonly dynamodbTable?: string;
}

export interface CloudStateConfig {
  readonly backend: 'cloud';
  readonly organization: string;
  readonly workspace: string;
  readonly hostname: string;
}

export interface LocalStateConfig {
  readonly backend: 'local';
  readonly path: string;
}

import { SCHEMA } from './schema';
import { ValueOf } from './schema-kit';

/** The validated settings the whole app is built from, typed by the schema. Read once in main.ts; below, typed props. */
export type MultiRegionConfig = ValueOf<{ kind: 'section'; fields: typeof SCHEMA }>;

export type CorsConfig = MultiRegionConfig['cors'];
export type LambdaConfig = MultiRegionConfig['lambda'];
export type HealthCheckConfig = MultiRegionConfig['healthCheck'];
export type HealthCheckInterval = HealthCheckConfig['requestInterval'];
export type ErrorRateConfig = HealthCheckConfig['errorRate'];
export type DnsConfig = MultiRegionConfig['dns'];
export type DnsRecordType = DnsConfig['recordType'];
export type ApiConfig = MultiRegionConfig['api'];
export type AlarmsConfig = MultiRegionConfig['alarms'];
export type StateConfig = MultiRegionConfig['state'];
export type S3StateConfig = Extract<StateConfig, { readonly backend: 's3' }>;
export type CloudStateConfig = Extract<StateConfig, { readonly backend: 'cloud' }>;
export type LocalStateConfig = Extract<StateConfig, { readonly backend: 'local' }>;

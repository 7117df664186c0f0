import { createHash } from 'crypto';

/** The account every placeholder ARN names; AWS documents it as the example account. */
export const PLACEHOLDER_ACCOUNT = '123456789012';
const PLACEHOLDER_DATE = '2025-01-01T00:00:00Z';

/** What a placeholder may depend on: the instance, its region and its known values. */
export interface PlaceholderContext {
  readonly address: string;
  readonly type: string;
  readonly region: string;
  /** The instance's known values (top level). */
  readonly values: Record<string, unknown>;
  /** The enclosing object of the attribute (e.g. one domain_validation_options element). */
  readonly parent: Record<string, unknown>;
}

function digest(text: string, length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
  const bytes = createHash('sha256').update(text).digest();
  return Array.from(bytes.subarray(0, length), (b) => alphabet[b % alphabet.length]).join('');
}

function uuid(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** `arn:aws:...` of a resource, in its own region and the placeholder account. */
function arnOf(ctx: PlaceholderContext): string {
  const { type, region, values, address } = ctx;
  const name = str(values.name) ?? str(values.function_name) ?? digest(address, 10);
  switch (type) {
    case 'aws_lambda_function': return `arn:aws:lambda:${region}:${PLACEHOLDER_ACCOUNT}:function:${name}`;
    case 'aws_iam_role': return `arn:aws:iam::${PLACEHOLDER_ACCOUNT}:role/${name}`;
    case 'aws_iam_policy': return `arn:aws:iam::${PLACEHOLDER_ACCOUNT}:policy/${name}`;
    case 'aws_sns_topic': return `arn:aws:sns:${region}:${PLACEHOLDER_ACCOUNT}:${name}`;
    case 'aws_cloudwatch_log_group': return `arn:aws:logs:${region}:${PLACEHOLDER_ACCOUNT}:log-group:${name}`;
    case 'aws_cloudwatch_metric_alarm': return `arn:aws:cloudwatch:${region}:${PLACEHOLDER_ACCOUNT}:alarm:${str(values.alarm_name) ?? name}`;
    case 'aws_acm_certificate': return `arn:aws:acm:${region}:${PLACEHOLDER_ACCOUNT}:certificate/${uuid(address)}`;
    case 'aws_route53_health_check': return `arn:aws:route53:::healthcheck/${uuid(address)}`;
    case 'aws_api_gateway_domain_name': return `arn:aws:apigateway:${region}::/domainnames/${str(values.domain_name) ?? name}`;
    case 'aws_api_gateway_rest_api': return `arn:aws:apigateway:${region}::/restapis/${digest(address, 10)}`;
    default: {
      const service = type.replace(/^aws_/, '').split('_')[0];
      return `arn:aws:${service}:${region}:${PLACEHOLDER_ACCOUNT}:${type.replace(/^aws_/, '')}/${digest(address, 12)}`;
    }
  }
}

/** An id the way AWS shapes it for this resource type. */
function idOf(ctx: PlaceholderContext): string {
  const { type, values, address } = ctx;
  switch (type) {
    case 'aws_lambda_function': return str(values.function_name) ?? digest(address, 12);
    case 'aws_iam_role':
    case 'aws_cloudwatch_log_group': return str(values.name) ?? digest(address, 12);
    case 'aws_cloudwatch_metric_alarm': return str(values.alarm_name) ?? digest(address, 12);
    case 'aws_sns_topic':
    case 'aws_acm_certificate': return arnOf(ctx);
    case 'aws_route53_health_check': return uuid(address);
    case 'aws_api_gateway_domain_name': return str(values.domain_name) ?? digest(address, 12);
    case 'aws_route53_record': return `${str(values.zone_id) ?? 'Z'}_${str(values.name) ?? ''}_${str(values.type) ?? ''}`;
    default: return digest(address, 10);
  }
}

const REALISTIC = new Set(['id', 'arn', 'qualified_arn', 'invoke_arn', 'qualified_invoke_arn', 'execution_arn', 'version', 'code_sha256',
  'owner', 'fqdn', 'resource_record_name', 'resource_record_type', 'resource_record_value', 'regional_domain_name', 'regional_zone_id',
  'invoke_url', 'status', 'key_algorithm', 'type']);

/** Whether `placeholderString` knows what AWS would put in this attribute (else it makes up a tagged string). */
export function hasRealisticPlaceholder(attribute: string): boolean {
  return REALISTIC.has(attribute) || attribute.endsWith('_arn');
}

/** A realistic value for a computed string Terraform could not know before the apply. */
export function placeholderString(attribute: string, ctx: PlaceholderContext): string {
  const { region, values, parent, address } = ctx;
  switch (attribute) {
    case 'id': return idOf(ctx);
    case 'arn': return arnOf(ctx);
    case 'qualified_arn': return `${arnOf(ctx)}:$LATEST`;
    case 'invoke_arn': return `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${arnOf(ctx)}/invocations`;
    case 'qualified_invoke_arn': return `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${arnOf(ctx)}:$LATEST/invocations`;
    case 'execution_arn': return `arn:aws:execute-api:${region}:${PLACEHOLDER_ACCOUNT}:${digest(address, 10)}`;
    case 'version': return '$LATEST';
    case 'code_sha256': return str(values.source_code_hash) ?? digest(address, 44);
    case 'owner': return PLACEHOLDER_ACCOUNT;
    case 'fqdn': return (str(values.name) ?? digest(address, 10)).replace(/\.$/, '');
    // ACM asks for the same validation CNAME for a name in every region of an account: no address in these two.
    case 'resource_record_name': return `_${digest(String(parent.domain_name), 32, '0123456789abcdef')}.${String(parent.domain_name)}.`;
    case 'resource_record_type': return 'CNAME';
    case 'resource_record_value': return `_${digest(`value${String(parent.domain_name)}`, 32, '0123456789abcdef')}.${digest(String(parent.domain_name), 10)}.acm-validations.aws.`;
    case 'regional_domain_name': return `d-${digest(address, 10)}.execute-api.${region}.amazonaws.com`;
    case 'regional_zone_id': return `Z${digest(region, 13, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`;
    case 'invoke_url': return `https://${digest(address, 10)}.execute-api.${region}.amazonaws.com/${str(values.stage_name) ?? ''}`;
    case 'status': return ctx.type === 'aws_acm_certificate' ? 'ISSUED' : 'ACTIVE';
    case 'key_algorithm': return 'RSA_2048';
    case 'type': return ctx.type === 'aws_acm_certificate' ? 'AMAZON_ISSUED' : 'placeholder';
    default:
      if (/(_date|_time|^not_after|^not_before|^last_modified)$/.test(attribute)) return PLACEHOLDER_DATE;
      if (attribute.endsWith('_arn')) return arnOf(ctx);
      return `${attribute}-${digest(`${address}.${attribute}`, 10)}`;
  }
}

/** A placeholder of the given cty type (`"string"`, `["list", T]`, `["object", {...}]` ...). */
export function placeholderOfType(type: unknown, attribute: string, ctx: PlaceholderContext): unknown {
  if (type === 'string') return placeholderString(attribute, ctx);
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  if (Array.isArray(type)) {
    const [kind, inner] = type as [string, unknown];
    if (kind === 'list' || kind === 'set' || kind === 'tuple') return [];
    if (kind === 'map') return {};
    if (kind === 'object') {
      return Object.fromEntries(Object.entries(inner as Record<string, unknown>).map(([k, t]) => [k, placeholderOfType(t, k, ctx)]));
    }
  }
  return null;
}

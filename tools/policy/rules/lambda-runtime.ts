import { PolicyRule, Violation } from '../types';

/**
 * Deprecation dates of Lambda managed runtimes, from the "Lambda runtimes" page of the AWS Lambda Developer Guide
 * (docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html). After its date a runtime gets no security patches and
 * Lambda later blocks creating and updating functions on it. Update this table when AWS announces new dates; a runtime
 * missing from it is reported, so a new one is added consciously.
 */
export const RUNTIME_DEPRECATION: Readonly<Record<string, string>> = {
  'nodejs24.x': '2028-04-30', 'nodejs22.x': '2027-04-30', 'nodejs20.x': '2026-04-30', 'nodejs18.x': '2025-09-01',
  'nodejs16.x': '2024-06-12', 'nodejs14.x': '2023-12-04', 'nodejs12.x': '2023-03-31',
  'python3.14': '2029-06-30', 'python3.13': '2029-06-30', 'python3.12': '2028-10-31', 'python3.11': '2026-06-30',
  'python3.10': '2026-06-30', 'python3.9': '2025-12-15', 'python3.8': '2024-10-14', 'python3.7': '2023-12-04',
  java25: '2029-06-30', java21: '2029-06-30', java17: '2026-06-30', java11: '2026-06-30', 'java8.al2': '2026-06-30',
  java8: '2024-01-08',
  dotnet10: '2028-11-14', dotnet8: '2026-11-10', dotnet6: '2024-12-20',
  'ruby3.4': '2028-03-31', 'ruby3.3': '2027-03-31', 'ruby3.2': '2026-03-31', 'ruby2.7': '2023-12-07',
  'provided.al2023': '2029-06-30', 'provided.al2': '2026-06-30', provided: '2024-01-08', 'go1.x': '2024-01-08',
};

/** The runtime rule as of `today` (injected so its tests do not depend on the calendar). */
export function lambdaRuntimeRule(today: () => Date = () => new Date()): PolicyRule {
  return {
    id: 'MRA-LAMBDA-RUNTIME',
    description: 'Lambda functions use a managed runtime that AWS has not deprecated',
    fix: 'Move the function to a supported runtime (see RUNTIME_DEPRECATION in tools/policy/rules/lambda-runtime.ts)',
    check(stack) {
      const now = today().toISOString().slice(0, 10);
      const violations: Violation[] = [];
      for (const fn of stack.resources('aws_lambda_function')) {
        const runtime = fn.body.runtime;
        if (runtime === undefined && fn.body.package_type === 'Image') continue;
        const deprecated = RUNTIME_DEPRECATION[String(runtime)];
        if (deprecated === undefined) {
          violations.push({ address: fn.address, message: `runtime ${JSON.stringify(runtime)} has no known deprecation date` });
        } else if (deprecated <= now) {
          violations.push({ address: fn.address, message: `runtime ${String(runtime)} was deprecated on ${deprecated}` });
        }
      }
      return violations;
    },
  };
}

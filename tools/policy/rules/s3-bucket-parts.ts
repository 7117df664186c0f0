import { refersTo, resourcesOf } from '../stack-json';
import { PolicyRule, StackJson, StackResource, Violation } from '../types';

/** The resources of `type` that configure `bucket`: they refer to it, or name it literally. */
export function partsOf(stack: StackJson, type: string, bucket: StackResource): StackResource[] {
  return resourcesOf(stack, type).filter((part) => refersTo(part.body.bucket, bucket.address)
    || (typeof bucket.body.bucket === 'string' && part.body.bucket === bucket.body.bucket));
}

/** A rule that checks each aws_s3_bucket with `problemOf`, which returns what is wrong, or undefined. */
export function bucketRule(
  rule: Omit<PolicyRule, 'check'>,
  problemOf: (stack: StackJson, bucket: StackResource) => string | undefined,
): PolicyRule {
  return {
    ...rule,
    check(stack) {
      const violations: Violation[] = [];
      for (const bucket of resourcesOf(stack, 'aws_s3_bucket')) {
        const problem = problemOf(stack, bucket);
        if (problem) violations.push({ address: bucket.address, message: problem });
      }
      return violations;
    },
  };
}

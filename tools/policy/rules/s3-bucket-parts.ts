import { refersTo } from '../../stack-model/references';
import { PolicyRule } from '../types';
import { resourceRule } from './resource-rule';
import { StackModel, StackResource } from '../../stack-model/stack-model';

/** The resources of `type` that configure `bucket`: they refer to it, or name it literally. */
export function partsOf(stack: StackModel, type: string, bucket: StackResource): StackResource[] {
  return stack.resources(type).filter((part) => refersTo(part.body.bucket, bucket.address)
    || (typeof bucket.body.bucket === 'string' && part.body.bucket === bucket.body.bucket));
}

/** A rule that checks each aws_s3_bucket with `problemOf`, which returns what is wrong, or undefined. */
export function bucketRule(
  rule: Omit<PolicyRule, 'check'>,
  problemOf: (stack: StackModel, bucket: StackResource) => string | undefined,
): PolicyRule {
  return resourceRule(rule, 'aws_s3_bucket', (bucket, stack) => problemOf(stack, bucket));
}

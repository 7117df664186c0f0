import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readSynthesizedStacks } from '../../../tools/stack-model/synthesized-stacks';
import { waivePolicy, waiversOf } from '../../../tools/policy/waivers';

describe('waivePolicy', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'waivers-'));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'stack');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const group = new CloudwatchLogGroup(stack, 'group', { name: '/audit' });

  test('writes the rule and reason under "//" (ignored by Terraform), next to cdktf\'s own metadata', () => {
    waivePolicy(group, 'MRA-LOGS-RETENTION', '  audit trail kept forever by legal requirement ');
    app.synth();
    const [{ model }] = readSynthesizedStacks(outdir);
    const [synthesized] = model.resources('aws_cloudwatch_log_group');
    expect(waiversOf(synthesized.body)).toEqual({ 'MRA-LOGS-RETENTION': 'audit trail kept forever by legal requirement' });
  });

  test('refuses a waiver without a reason or with a malformed rule id, naming the resource', () => {
    expect(() => waivePolicy(group, 'MRA-LOGS-RETENTION', 'fine')).toThrow(/stack\/group.*needs a reason/);
    expect(() => waivePolicy(group, 'logs retention', 'a long enough reason for this test')).toThrow(/is not a rule id/);
  });
});

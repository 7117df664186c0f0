import { batchesOf, moduleJson, rootJson } from '../../../tools/plan-change/batch-config';
import { east, member, stackOf, west } from './batch-fixtures';

describe('batchesOf', () => {
  test('stacks whose shared aliases are configured alike go in one batch, in order', () => {
    const a = member(stackOf([east, west]));
    const b = member(stackOf([west, east, { alias: 'ap-southeast-1', region: 'ap-southeast-1' }]));
    expect(batchesOf([a, b])).toEqual([[a, b]]);
  });

  test('a stack that configures an alias differently (other default tags) goes in a batch of its own', () => {
    const a = member(stackOf([east]));
    const retagged = member(stackOf([{ ...east, default_tags: [{ tags: { Project: 'orders' } }] }]));
    const c = member(stackOf([east, west]));
    expect(batchesOf([a, retagged, c])).toEqual([[a, c], [retagged]]);
  });
});

describe('moduleJson', () => {
  test('drops the backend and the provider blocks, declares the aliases it is passed, keeps everything else', () => {
    const json = stackOf([east, west], { moved: [{ from: 'aws_sns_topic.old', to: 'aws_sns_topic.topic' }] });
    expect(moduleJson(json)).toEqual({
      terraform: { required_providers: { aws: { source: 'aws', version: '5.100.0', configuration_aliases: ['aws.us-east-1', 'aws.us-west-2'] } } },
      resource: json.resource,
      moved: [{ from: 'aws_sns_topic.old', to: 'aws_sns_topic.topic' }],
    });
  });
});

describe('rootJson', () => {
  test('configures each alias once and passes every module the aliases its stack uses', () => {
    const root = rootJson([member(stackOf([east])).stack, member(stackOf([east, west])).stack]) as unknown as Record<string, unknown>;
    expect(root.provider).toEqual({ aws: [east, west] });
    expect(root.module).toEqual({
      stack0: { source: './stack0', providers: { 'aws.us-east-1': 'aws.us-east-1' } },
      stack1: { source: './stack1', providers: { 'aws.us-east-1': 'aws.us-east-1', 'aws.us-west-2': 'aws.us-west-2' } },
    });
    expect(root.terraform).toEqual({ required_providers: { aws: { source: 'aws', version: '5.100.0' } }, backend: { local: { path: 'offline-proof.tfstate' } } });
  });

  test("re-exports each stack's outputs as the root's, sensitive ones still sensitive", () => {
    const outputs = { url: { value: '${aws_sns_topic.topic.arn}' }, secret: { value: 'x', sensitive: true } };
    const root = rootJson([member(stackOf([east], { output: outputs })).stack]) as unknown as Record<string, unknown>;
    expect(root.output).toEqual({ stack0__url: { value: '${module.stack0.url}' }, stack0__secret: { value: '${module.stack0.secret}', sensitive: true } });
  });
});

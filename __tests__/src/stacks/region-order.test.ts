import { synthApiStack } from '../../helpers/synth';
import { testConfig } from '../../helpers/config';

// The order of `regions` must not matter to a live stack: not to where its state is, nor to what global resources hang off.
describe('the order of regions', () => {
  const [first, second] = [['eu-west-1', 'us-west-2', 'us-east-1'], ['us-east-1', 'eu-west-1', 'us-west-2']]
    .map((regions) => synthApiStack(testConfig({ regions })).stack);

  test('leaves the backend block identical (S3, default state region)', () => {
    expect(first.terraform.backend).toEqual(second.terraform.backend);
    expect(first.terraform.backend).toMatchObject({ s3: { region: 'us-east-1' } });
  });

  test('leaves the global validation records identical (provider and the certificate they read)', () => {
    expect(first.resource.aws_route53_record).toBeDefined();
    const validation = (stack: typeof first) => Object.entries(stack.resource.aws_route53_record).filter(([, r]) => r.for_each !== undefined);
    expect(validation(first)).toEqual(validation(second));
  });
});

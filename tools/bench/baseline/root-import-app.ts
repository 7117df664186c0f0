// eslint-disable-next-line no-restricted-imports -- this baseline measures exactly the cost that lint rule prevents.
import * as aws from '@cdktf/provider-aws';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { buildApp } from '../../../src/app';
import { configPath, loadConfig } from '../../../src/config';

/*
 * The benchmark's baseline: main.ts as it would run if the code imported provider classes from the package root.
 * The root eagerly requires every one of its 2,000+ resource modules and re-exports the very modules our constructs
 * deep-import, so the stack built here is the app's own, byte for byte (the bench checks); only the loading differs.
 */
if (aws.provider.AwsProvider !== AwsProvider) {
  throw new Error('the package root no longer re-exports lib/provider; the baseline would not build the same stack');
}
buildApp(loadConfig(configPath())).app.synth();

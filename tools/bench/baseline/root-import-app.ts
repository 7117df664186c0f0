import { createRequire } from 'module';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { buildApp } from '../../../src/app';
import { configPath, loadConfig } from '../../../src/config';

/*
 * The benchmark's baseline: main.ts as it would run if the code imported provider classes from the package root.
 * The root eagerly requires every one of its 2,000+ resource modules and re-exports the very modules our constructs
 * deep-import, so the stack built here is the app's own, byte for byte (the bench checks); only the loading differs.
 */
// Required at run time rather than imported (the cost the lint rule against root imports prevents): an import would
// also make the type check read the root's 2,000+ declaration files, two thirds of `tsc --noEmit` for the project.
const aws = createRequire(__filename)('@cdktf/provider-aws') as { provider: { AwsProvider: unknown } };
if (aws.provider.AwsProvider !== AwsProvider) {
  throw new Error('the package root no longer re-exports lib/provider; the baseline would not build the same stack');
}
buildApp(loadConfig(configPath())).app.synth();

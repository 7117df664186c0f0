import { buildApp } from '../../src/app';
import { testConfig } from '../helpers/config';

const stackNames = (state: Record<string, unknown>) =>
  buildApp(testConfig({ state })).app.node.children.map((child) => child.node.id);

describe('buildApp', () => {
  test('S3 state: the API stack and the state-bootstrap stack that creates its bucket', () => {
    expect(stackNames({})).toEqual(['multi-region-api', 'state-bootstrap']);
  });

  test.each([
    ['Terraform Cloud', { backend: 'cloud', organization: 'acme', workspace: 'api' }],
    ['local', { backend: 'local' }],
  ])('%s state: no bucket to bootstrap, so only the API stack', (_name, state) => {
    expect(stackNames(state)).toEqual(['multi-region-api']);
  });
});

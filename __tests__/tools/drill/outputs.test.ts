import { parseStackOutputs, readOutputsFile, readTerraformOutputs } from '../../../tools/drill/outputs';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { outputsJson } from '../../helpers/drill';

describe('stack outputs', () => {
  test('names and ids come from terraform output -json', () => {
    const outputs = parseStackOutputs(outputsJson(), 'test');
    expect(outputs.domainName).toBe('api.example.com');
    expect(outputs.failoverSeconds).toBe(80);
    expect(outputs.regions['us-west-2']).toEqual({
      healthCheckId: 'hc-us-west-2', healthFunctionName: 'multi-region-api-health-check',
      customDomainTarget: 'd-west222.execute-api.us-west-2.amazonaws.com',
    });
  });

  test('no outputs means the stack is not deployed', () => {
    expect(() => parseStackOutputs('{}', 'terraform output')).toThrow('the stack is not deployed: terraform output has no outputs');
  });

  test('missing or malformed outputs are named', () => {
    expect(() => parseStackOutputs(outputsJson({ failover_seconds: undefined }), 'f')).toThrow(/lacks domain_name, failover_seconds or regions/);
    expect(() => parseStackOutputs(outputsJson({ regions: { value: { 'us-east-1': { health_check_id: 'x' } } } }), 'f'))
      .toThrow('f: regions["us-east-1"] lacks health_check_id, health_function_name or custom_domain_target');
    expect(() => parseStackOutputs('not json', 'f')).toThrow('f is not JSON');
  });

  test('an uninitialized or missing stack folder, or a missing file, is one clear error', () => {
    expect(() => readTerraformOutputs(mkdtempSync(join(tmpdir(), 'stack-')))).toThrow(/never initialized by terraform/);
    expect(() => readTerraformOutputs(join(tmpdir(), 'no-such-stack'))).toThrow(/does not exist/);
    expect(() => readOutputsFile(join(tmpdir(), 'no-such-file.json'))).toThrow(/cannot be read \(ENOENT\)/);
  });
});

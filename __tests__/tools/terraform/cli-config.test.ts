import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import {
  cliConfigText, findProviderMirror, mirrorCandidates, MirrorError, providersInMirror,
} from '../../../tools/terraform/cli-config';

function mirrorWith(...providers: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'mr-api-mirror-'));
  for (const provider of providers) {
    const dir = join(root, provider, '5.100.0', 'linux_amd64');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'terraform-provider-x'), '');
  }
  return root;
}

describe('provider mirror detection', () => {
  const empty = mkdtempSync(join(tmpdir(), 'mr-api-empty-'));
  const withAws = mirrorWith('registry.terraform.io/hashicorp/aws', 'registry.terraform.io/hashicorp/random');
  const withoutAws = mirrorWith('registry.terraform.io/hashicorp/random');

  test('lists the providers a mirror holds', () => {
    expect(providersInMirror(withAws).sort()).toEqual(['registry.terraform.io/hashicorp/aws', 'registry.terraform.io/hashicorp/random']);
    expect(providersInMirror(join(empty, 'nope'))).toEqual([]);
  });

  test('takes the first candidate that holds hashicorp/aws', () => {
    expect(findProviderMirror({}, [join(empty, 'nope'), withoutAws, withAws])).toBe(withAws);
  });

  test('falls back to the registry (undefined) when no candidate holds it', () => {
    expect(findProviderMirror({}, [empty, withoutAws])).toBeUndefined();
  });

  test('TF_PROVIDER_MIRROR wins over the candidates', () => {
    const other = mirrorWith('registry.terraform.io/hashicorp/aws');
    expect(findProviderMirror({ TF_PROVIDER_MIRROR: other }, [withAws])).toBe(other);
  });

  test('a TF_PROVIDER_MIRROR without hashicorp/aws is an error naming the folder, not a silent fallback', () => {
    expect(() => findProviderMirror({ TF_PROVIDER_MIRROR: withoutAws }, [withAws]))
      .toThrow(new MirrorError(`TF_PROVIDER_MIRROR=${withoutAws} holds no registry.terraform.io/hashicorp/aws/<version>/ folder`));
  });

  test("candidates are Terraform's implied mirror folders, XDG_DATA_HOME honoured", () => {
    const candidates = mirrorCandidates({ XDG_DATA_HOME: '/data' }, '/home/me');
    expect(candidates.slice(0, 4)).toEqual([
      '/home/me/.terraform.d/plugins', '/data/terraform/plugins', '/usr/local/share/terraform/plugins', '/usr/share/terraform/plugins',
    ]);
    expect(mirrorCandidates({}, '/home/me')[1]).toBe('/home/me/.local/share/terraform/plugins');
  });

  test('every folder (not file) under the opt folder, and its plugins/, is a candidate', () => {
    const opt = mkdtempSync(join(tmpdir(), 'opt-'));
    mkdirSync(join(opt, 'b-mirror'));
    mkdirSync(join(opt, 'a-tools'));
    writeFileSync(join(opt, 'not-a-folder.whl'), '');
    expect(mirrorCandidates({}, '/home/me', opt).slice(4)).toEqual([
      join(opt, 'a-tools'), join(opt, 'a-tools', 'plugins'), join(opt, 'b-mirror'), join(opt, 'b-mirror', 'plugins'),
    ]);
    expect(mirrorCandidates({}, '/home/me', join(opt, 'missing'))).toHaveLength(4);
  });
});

describe('CLI configuration text', () => {
  test('without a mirror: only the plugin cache, so Terraform installs from the registry', () => {
    expect(cliConfigText({ pluginCacheDir: '/cache' })).toBe('plugin_cache_dir = "/cache"\n');
  });

  test('with a mirror: its providers from the mirror only (linked from there, no plugin cache), everything else direct', () => {
    const mirror = mirrorWith('registry.terraform.io/hashicorp/aws');
    expect(cliConfigText({ mirror, pluginCacheDir: '/cache' })).toBe([
      'provider_installation {',
      '  filesystem_mirror {',
      `    path    = "${mirror}"`,
      '    include = ["registry.terraform.io/hashicorp/aws"]',
      '  }',
      '  direct {',
      '    exclude = ["registry.terraform.io/hashicorp/aws"]',
      '  }',
      '}',
      '',
    ].join('\n'));
  });
});

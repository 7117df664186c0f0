import { cpSync, existsSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { PlanJson } from '../terraform/plan-json';
import { Release } from './release';
import { terraform, TerraformCli } from './terraform-command';

/** A file of provider blocks a rollback adds for regions its release does not know (a region the new release added). */
export const EXTRA_PROVIDERS_FILE = 'rollout-providers.tf.json';

/** A plan as `terraform show -json` gives it, with the output changes the final step looks at. */
export type ShownPlan = PlanJson & { readonly output_changes?: Record<string, { readonly actions: readonly string[] }> };

/**
 * One release's working folder, `<state dir>/work/<release key>/`: a copy of its stack folder (so the release folder
 * stays as `npm run release` wrote it), initialized once per run against the backend the release configures.
 */
export class TerraformWorkspace {
  private initialized?: Promise<string>;
  readonly dir: string;

  constructor(private readonly cli: TerraformCli, readonly release: Release, stateDir: string) {
    this.dir = join(stateDir, 'work', release.key);
  }

  init(signal: AbortSignal): Promise<string> {
    this.initialized ??= Promise.resolve().then(() => {
      if (!existsSync(join(this.dir, 'cdk.tf.json'))) cpSync(this.release.stackDir, this.dir, { recursive: true });
      return terraform(this.cli, this.dir, ['init', '-input=false'], { signal });
    });
    return this.initialized;
  }

  /** `terraform plan -out <file> [args]`, then the plan as JSON. Stopped by `signal` (a plan changes nothing). */
  async plan(file: string, args: readonly string[], signal: AbortSignal): Promise<ShownPlan> {
    await this.init(signal);
    await terraform(this.cli, this.dir, ['plan', '-input=false', `-out=${file}`, ...args], { signal });
    return JSON.parse(await terraform(this.cli, this.dir, ['show', '-json', file], { signal })) as ShownPlan;
  }

  /** `terraform apply <file>`: never stopped part way; its progress is printed. */
  apply(file: string): Promise<string> {
    return terraform(this.cli, this.dir, ['apply', '-input=false', file], { stream: true });
  }

  /** Every managed resource's attributes in the current state, by address (`terraform show -json`). */
  async stateValues(signal: AbortSignal): Promise<Map<string, Record<string, unknown>>> {
    await this.init(signal);
    const state = JSON.parse(await terraform(this.cli, this.dir, ['show', '-json'], { signal })) as {
      values?: { root_module?: { resources?: Array<{ address: string; mode: string; values?: Record<string, unknown> }> } };
    };
    return new Map((state.values?.root_module?.resources ?? []).filter((r) => r.mode === 'managed').map((r) => [r.address, r.values ?? {}]));
  }

  /** Writes (or, with none, removes) the provider blocks a step needs beyond the release's own. */
  writeExtraProviders(providers: readonly unknown[]): void {
    const file = join(this.dir, EXTRA_PROVIDERS_FILE);
    if (providers.length === 0) rmSync(file, { force: true });
    else writeFileSync(file, `${JSON.stringify({ provider: { aws: providers } }, null, 2)}\n`);
  }
}

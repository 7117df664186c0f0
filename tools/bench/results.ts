import { CommandResults } from './commands';
import { HealthBudgetResult } from './health-budget';
import { InvocationStats } from './handlers';
import { Machine } from './machine';
import { SynthResults } from './synth';
import { TestTimes } from './test-layers';

export interface HandlerSize {
  readonly name: string;
  readonly minifiedBytes: number;
  readonly zipBytes: number;
}

/** Everything one `npm run bench` measured; written as JSON and rendered as tables. */
export interface BenchResults {
  readonly date: string;
  readonly machine: Machine;
  readonly synth: SynthResults;
  /** What users type (`npm run synth`, `npx cdktf synth`, `npm run local`, `npm run verify`, ...) against the app. */
  readonly commands: CommandResults;
  readonly handlers: {
    readonly sizes: readonly HandlerSize[];
    readonly invocations: readonly InvocationStats[];
  };
  readonly healthBudget: HealthBudgetResult;
  /** Absent when the run skipped the test timings. */
  readonly tests?: TestTimes;
}

export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly pass: boolean;
  readonly note: string;
}

/** A failure the rollout explains in one line (exit 1): a plan that reaches outside its wave, a failed command. */
export class RolloutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RolloutError';
  }
}

/** A wave's plan would change something outside the wave's regions: stopped before anything was applied. */
export class PlanScopeError extends RolloutError {
  constructor(message: string) {
    super(message);
    this.name = 'PlanScopeError';
  }
}

/** `terraform apply` (or the local run's release route) failed part way: the step's regions may be half-applied. */
export class ApplyFailed extends RolloutError {
  constructor(message: string) {
    super(message);
    this.name = 'ApplyFailed';
  }
}

/** SIGINT or SIGTERM: the rollout stops at the next point where every region is on one whole release. */
export class RolloutInterrupted extends Error {
  constructor(readonly signal: string) {
    super(`interrupted by ${signal}`);
    this.name = 'RolloutInterrupted';
  }
}

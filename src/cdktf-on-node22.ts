import util from 'util';

/**
 * cdktf 0.21.0 (its last release) tests every stack output with `util.isArray`, which Node 22.23 and 24 deprecate at
 * run time: each synth printed a DEP0044 warning on stderr. Node's own `util.isArray` is `Array.isArray`, so pointing
 * it there silences the warning and changes nothing. Idempotent; imported by app.ts before any synth (and by the
 * tests' setup, which synthesize stacks without the app).
 */
export function quietCdktfOnNode22(): void {
  if (util.isArray !== Array.isArray) Object.defineProperty(util, 'isArray', { value: Array.isArray, writable: true, configurable: true });
}

/** Marks the title of a layer's placeholder test when the layer is skipped; the skipped-layers reporter prints it. */
export const SKIPPED_LAYER_MARK = '[layer skipped]';

/**
 * `describe` for a test layer that needs a tool on this machine. `missing` says what is absent and how to install it;
 * then the suite is one test carrying that text: a failure under CI=true, elsewhere a skip that
 * `__tests__/helpers/skipped-layers-reporter.js` prints after jest's summary (jest does not show the console output
 * of a suite whose tests are all skipped).
 */
export function describeLayer(name: string, missing: string | undefined, body: () => void): void {
  if (!missing) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => test(`${missing} (CI=true: this layer must run)`, () => { throw new Error(missing); }));
  } else {
    describe(name, () => test.skip(`${SKIPPED_LAYER_MARK} ${missing}`, () => undefined));
  }
}

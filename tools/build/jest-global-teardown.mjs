import { rmSync } from 'fs';

/** Removes the run's temporary folder (jest-global-setup.mjs), unless KEEP_TEST_TMP is set to look inside it. */
export default async function globalTeardown() {
  const dir = process.env.TMPDIR;
  if (dir && /mr-api-jest-[^/]+$/.test(dir) && !process.env.KEEP_TEST_TMP) rmSync(dir, { recursive: true, force: true });
}

import { build } from './build.mjs';

/** Tests that start the app or a CLI (dist/*.js) run what the source says now: one fast build before any test. */
export default async function globalSetup() {
  await build();
}

#!/usr/bin/env node
// A stand-in for the terraform binary, for the Terraform target's tests: it logs each command with its folder,
// answers `show -json <plan>` from FAKE_TF_PLANS (plan file name -> plan JSON) and `show -json` from FAKE_TF_STATE,
// fails the command named by FAKE_TF_FAIL, and makes `plan` wait for a signal when FAKE_TF_SLOW_PLAN is set.
const { appendFileSync, existsSync, readFileSync, writeFileSync } = require('fs');
const { join } = require('path');
/* global setTimeout */

const args = process.argv.slice(2).filter((arg) => arg !== '-no-color');
const [command] = args;
appendFileSync(process.env.FAKE_TF_LOG, `${JSON.stringify({
  cwd: process.cwd(), args, extraProviders: existsSync(join(process.cwd(), 'rollout-providers.tf.json')),
})}\n`);
if (process.env.FAKE_TF_FAIL === command) {
  process.stderr.write(`╷\n│ Error: fake ${command} failure\n│\n│ with details\n╵\n`);
  process.exit(1);
}
if (command === 'plan') {
  const out = args.find((arg) => arg.startsWith('-out='));
  if (out) writeFileSync(out.slice('-out='.length), 'fake plan');
  if (process.env.FAKE_TF_SLOW_PLAN) {
    process.on('SIGINT', () => { appendFileSync(process.env.FAKE_TF_LOG, '{"args":["plan stopped by SIGINT"]}\n'); process.exit(1); });
    setTimeout(() => process.exit(0), 30000);
    return;
  }
}
if (command === 'show') {
  const file = args[2];
  const answer = file ? JSON.parse(readFileSync(process.env.FAKE_TF_PLANS, 'utf8'))[file] : JSON.parse(readFileSync(process.env.FAKE_TF_STATE, 'utf8'));
  process.stdout.write(JSON.stringify(answer));
}
if (command === 'apply') process.stdout.write('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.\n');

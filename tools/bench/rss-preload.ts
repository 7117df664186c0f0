import { appendFileSync } from 'fs';

/**
 * Loaded into every Node process of a measured command (NODE_OPTIONS=--require): at exit, appends this process's peak
 * resident set size and CPU time to the file named by BENCH_RSS_LOG, one JSON line per process, so the bench sees the
 * whole tree (the cdktf CLI, npm, tsc, the app, and the archive child each TerraformAsset spawns) without GNU time.
 */
const log = process.env.BENCH_RSS_LOG;
if (log) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const line = {
      pid: process.pid,
      ppid: process.ppid,
      maxRssKb: usage.maxRSS,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      argv: process.argv.slice(1, 3),
    };
    appendFileSync(log, `${JSON.stringify(line)}\n`);
  });
}

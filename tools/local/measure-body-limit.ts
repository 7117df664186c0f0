import { ChildProcess, spawn } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { rawRequest } from './raw-request';
import { defaultStackDir } from './read-stack';

/**
 * Prints the local run's memory (whole process, from /proc) while oversized request bodies arrive:
 *   node tools/build/run.mjs tools/local/measure-body-limit.ts [megabytes=256] [stack dir] [cli.js of the local run to measure]
 */
async function main([megabytes = '256', stackDir = defaultStackDir(), cli = join(__dirname, 'cli.js')]: string[]): Promise<void> {
  const child = spawn(process.execPath, [cli, '--stack-dir', stackDir, '--port', '0', '--time-scale', '100'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const banner = await bannerOf(child);
    const globalPort = Number(/global +http:\/\/127\.0\.0\.1:(\d+)/.exec(banner)![1]);
    const regionPort = Number(/us-east-1 +http:\/\/127\.0\.0\.1:(\d+)/.exec(banner)![1]);
    const bytes = Number(megabytes) * 1024 * 1024;
    console.log(`local run (pid ${child.pid}): RSS ${memory(child.pid!).rss} MB at start`);
    for (const [where, port] of [['global endpoint', globalPort], ['region us-east-1', regionPort]] as const) {
      for (const framing of ['Transfer-Encoding: chunked', `Content-Length: ${bytes}`]) {
        const before = memory(child.pid!).rss;
        const answer = await rawRequest(port, `GET /v1/helloworld HTTP/1.1\r\nHost: x\r\n${framing}\r\n\r\n`, bytes)
          .catch((error: Error) => ({ status: `no answer (${error.message.slice(0, 60)})`, sentBytes: NaN }));
        const after = memory(child.pid!);
        console.log(`${where}, ${megabytes} MB ${framing.split(':')[0]}: HTTP ${answer.status} after ${(answer.sentBytes / 1048576).toFixed(1)} MB sent; `
          + `RSS ${before} -> ${after.rss} MB (peak so far ${after.peak} MB)`);
      }
    }
  } finally {
    child.kill('SIGKILL');
  }
}

function bannerOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('Ctrl-C stops.')) resolve(text);
    });
    child.on('exit', (code) => reject(new Error(`the local run exited (${code}) before its banner: ${text}`)));
  });
}

/** Resident and peak resident memory of `pid` in MB (Linux /proc). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(`measure-body-limit: ${error.message}`);
  process.exit(1);
});

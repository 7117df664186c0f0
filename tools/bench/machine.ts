import { readFileSync } from 'fs';
import { cpus, loadavg, totalmem } from 'os';

export interface Machine {
  readonly cpus: number;
  readonly model: string;
  readonly memoryGb: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load average when the bench started: other work on the machine skews absolute figures. */
  readonly loadAverage: number;
}

export function describeMachine(): Machine {
  return {
    cpus: cpus().length,
    model: cpuModel(),
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverage: Number(loadavg()[0].toFixed(2)),
  };
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1].trim();
  } catch {
    // Not Linux: fall through to what os.cpus() knows.
  }
  return cpus()[0]?.model ?? 'unknown';
}

import { createHash } from 'crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { basename, join } from 'path';
import { projectRoot } from '../../src/project-root';

/** Overrides where plan:change keeps init folders, provider schemas and proven prior states. */
export const CACHE_DIR_ENV_VAR = 'PLAN_CHANGE_CACHE_DIR';

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env[CACHE_DIR_ENV_VAR] || join(projectRoot(), 'node_modules', '.cache', 'plan-change');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function hashOf(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 24);
}

/** Where a run reports what it noticed on the way (one line each), e.g. a cache entry it rebuilt. */
export type Notice = (line: string) => void;

/** What a cache file holds: the value with what it is and the key it was made for. */
interface Envelope {
  readonly cache: typeof CACHE_NAME;
  readonly kind: string;
  readonly key: string;
  readonly value: unknown;
}

const CACHE_NAME = 'plan-change';

/**
 * One cached value, trusted only when it is whole and is the value of this `kind` made for this `key`: a file cut short
 * (a run killed mid-write by a crash, a full disk) or one from elsewhere (another kind, another key, hand-edited) is
 * reported, removed and built anew, never used. Written through a temporary name and renamed, so a reader in another
 * process never sees half a file.
 */
export class CacheEntry<T> {
  /** `check` returns why a parsed value is not a `kind`, or undefined when it is one. */
  constructor(readonly file: string, private readonly kind: string, private readonly key: string,
    private readonly check: (value: unknown) => string | undefined) {}

  read(notice: Notice): T | undefined {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return undefined;
    }
    const problem = this.problemWith(text);
    if (problem === undefined) return (JSON.parse(text) as Envelope).value as T;
    notice(`cache entry ${basename(this.file)} ${problem}: not used, building it again`);
    rmSync(this.file, { force: true });
    return undefined;
  }

  write(value: T): void {
    const envelope: Envelope = { cache: CACHE_NAME, kind: this.kind, key: this.key, value };
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(envelope));
    renameSync(temporary, this.file);
  }

  private problemWith(text: string): string | undefined {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return `is not whole JSON (${text.length} bytes; ${(error as Error).message})`;
    }
    const envelope = (parsed !== null && typeof parsed === 'object' ? parsed : {}) as Partial<Envelope>;
    if (envelope.cache !== CACHE_NAME || envelope.kind !== this.kind) return `holds no plan-change ${this.kind}`;
    if (envelope.key !== this.key) return `holds a ${this.kind} of another input (key ${String(envelope.key)}, expected ${this.key})`;
    const invalid = this.check(envelope.value);
    return invalid === undefined ? undefined : `holds a ${this.kind} that is not valid (${invalid})`;
  }
}

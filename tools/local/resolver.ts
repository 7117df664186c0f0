import { LatencyRecordModel } from './model';

/**
 * A caching DNS resolver in front of the latency records: an answer is reused until its TTL (divided by the time
 * scale) runs out, which is why clients keep reaching a region for up to one TTL after Route 53 has moved away.
 */
export class CachingResolver {
  private cached: { record: LatencyRecordModel; expires: number } | undefined;

  constructor(
    private readonly answer: () => LatencyRecordModel | undefined,
    private readonly timeScale: number,
    private readonly now: () => number = Date.now,
  ) {}

  resolve(): LatencyRecordModel | undefined {
    const now = this.now();
    if (this.cached && now < this.cached.expires) return this.cached.record;
    const record = this.answer();
    this.cached = record ? { record, expires: now + (record.ttlSeconds * 1000) / this.timeScale } : undefined;
    return record;
  }
}

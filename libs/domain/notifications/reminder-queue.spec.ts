import { describe, expect, it } from '@jest/globals';
import { BUCKET_MS, bucketJobId, bucketOf } from './reminder-queue.js';

describe('due-time buckets', () => {
  it('a send time belongs to the bucket that ends at or after it, so the bucket job never runs before a row of it is due', () => {
    const start = Date.UTC(2026, 11, 2, 8, 0, 0);
    expect(bucketOf(start)).toBe(start);
    expect(bucketOf(start + 1)).toBe(start + BUCKET_MS);
    expect(bucketOf(new Date(start + BUCKET_MS - 1))).toBe(start + BUCKET_MS);
    expect(bucketOf(start + BUCKET_MS)).toBe(start + BUCKET_MS);
    for (const at of [start + 3, start + 250, start + 499]) {
      expect(bucketOf(at)).toBeGreaterThanOrEqual(at);
      expect(bucketOf(at) - at).toBeLessThan(BUCKET_MS);
    }
  });

  it('rows a moment apart share one job; the job id is a valid BullMQ id (not an integer, no colon)', () => {
    const at = Date.UTC(2026, 11, 2, 8, 0, 0, 120);
    expect(bucketJobId(bucketOf(at))).toBe(bucketJobId(bucketOf(at + 300)));
    expect(bucketJobId(bucketOf(at))).not.toBe(bucketJobId(bucketOf(at + BUCKET_MS)));
    expect(bucketJobId(bucketOf(at))).toMatch(/^remb-\d+$/);
  });
});

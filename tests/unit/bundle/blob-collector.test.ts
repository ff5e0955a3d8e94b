import { describe, expect, it } from 'vitest';
import { BlobCollector } from '../../../lib/bundle/blob-collector';

describe('BlobCollector', () => {
  it('keeps stored slices by reference, hands new bytes to a Blob every flushBytes, and gives back every byte in order', async () => {
    const collector = new BlobCollector(1000);
    const stored = new Blob([new Uint8Array(5000).fill(9)]);
    let mostHeld = 0;
    const expected: number[] = [];
    for (let i = 0; i < 40; i++) {
      const piece = new Uint8Array(300).fill(i);
      collector.add(piece);
      expected.push(...piece);
      mostHeld = Math.max(mostHeld, collector.heldBytes);
      if (i % 10 === 0) {
        const origin = stored.slice(i * 100, i * 100 + 100);
        collector.add(new Uint8Array(await origin.arrayBuffer()), origin);
        expected.push(...new Uint8Array(100).fill(9));
      }
    }
    expect(mostHeld).toBeLessThan(1000 + 300);
    const blob = collector.blob('application/zip');
    expect(blob.type).toBe('application/zip');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual(expected);
  });
});

/** Resident memory of every Chromium process on this machine, in MB (benches run one browser at a time). */
import { execFileSync } from 'node:child_process';

export function chromiumRssMb(): number {
  const lines = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => /chrom/i.test(line)).reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[0] ?? 0), 0) / 1024;
}

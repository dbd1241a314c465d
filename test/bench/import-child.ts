/**
 * One customers import on the import worker, in a process of its own, so its
 * peak RSS is the import's (plus Node's own), not the benchmark runner's.
 * Prints one JSON line: { ms, cpuMs, rowsImported, status, peakRssMb, streamingPeakRssMb }. cpuMs is the CPU time
 * of the whole process over the import (every thread), which a neighbour's load on the machine barely changes.
 *   node --import tsx test/bench/import-child.ts <workspace> <csv>
 */
import { openDatabase } from '../../electron/workspace/db';
import { importCustomersInWorker } from '../../electron/workspace/import';

const [workspace, csv] = process.argv.slice(2);
if (workspace === undefined || csv === undefined) throw new Error('usage: import-child.ts <workspace> <csv>');

async function main(): Promise<void> {
  const db = openDatabase(workspace as string, { create: true });
  let streamingPeak = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const report = await importCustomersInWorker(db, csv as string, {
    control: {
      signal: new AbortController().signal,
      progress: () => (streamingPeak = Math.max(streamingPeak, process.memoryUsage.rss())),
    },
  });
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  db.close();
  const mb = (bytes: number): number => Math.round(bytes / (1024 * 1024));
  process.stdout.write(
    `${JSON.stringify({
      ms,
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      status: report.status,
      rowsImported: report.rowsImported,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      streamingPeakRssMb: mb(streamingPeak),
    })}\n`,
  );
}

void main();

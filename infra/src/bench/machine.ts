import { cpus, loadavg, totalmem } from 'node:os';

/** The machine a benchmark ran on, for BENCHMARKS.md. */
export function machineDescription(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}`;
}

/** The 1-, 5- and 15-minute load averages ("1.52, 3.80, 7.20"). */
export function loadAverages(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
}

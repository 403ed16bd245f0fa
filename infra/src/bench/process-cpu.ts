import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system, including waited-for children) of a process and all its descendants; null off Linux. */
export function processTreeCpuSeconds(rootPid: number): number | null {
  const stats = readProcStats();
  if (stats === null) return null;
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  let ticks = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    const stat = stats.get(pid);
    if (stat !== undefined) ticks += stat.ticks;
    queue.push(...(children.get(pid) ?? []));
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

/** CPU seconds of this process alone (every thread: the embedded ClickHouse engine's too). */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

function readProcStats(): Map<number, { ppid: number; ticks: number }> | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may contain spaces.
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((index) => Number(fields[index]));
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: (utime ?? 0) + (stime ?? 0) + (cutime ?? 0) + (cstime ?? 0) });
    } catch {
      // the process ended meanwhile
    }
  }
  return stats;
}

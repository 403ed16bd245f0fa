// pnpm audit:deps — `pnpm audit` against the reviewed allowlist (infra/audit-allowlist.json).
// Fails on any advisory not in the allowlist and on allowlist entries whose review is too old.
// When the advisory database cannot be reached (some networks only let the registry's package
// routes through) it says so and passes, unless --require-database is given.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { auditAllowlistSchema, auditReportSchema, judgeAudit, MAX_REVIEW_AGE_DAYS } from './audit-allowlist.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const root = resolve(import.meta.dirname, '../../..');
const allowlistPath = option('--allowlist') ?? resolve(root, 'infra/audit-allowlist.json');
const command = option('--command') ?? 'pnpm audit --json';

const allowlist = auditAllowlistSchema.safeParse(JSON.parse(readFileSync(allowlistPath, 'utf8')));
if (!allowlist.success) {
  console.error(`audit: ${allowlistPath} is not a valid allowlist: ${allowlist.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  process.exit(2);
}

const run = spawnSync(command, { shell: true, cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let parsed: unknown;
try {
  parsed = JSON.parse(run.stdout);
} catch {
  parsed = undefined;
}
const report = auditReportSchema.safeParse(parsed);
if (!report.success) {
  const why = `${run.stderr}\n${run.stdout}`.split('\n').map((line) => line.trim()).find((line) => /ERR_|responded|ENOTFOUND|ECONN|error/i.test(line)) ?? 'no audit report';
  const message = `audit: the advisory database could not be reached, so no audit ran (${why})`;
  if (args.includes('--require-database')) {
    console.error(message);
    process.exit(1);
  }
  console.warn(`${message}; pass --require-database to fail on this`);
  process.exit(0);
}

const verdict = judgeAudit(report.data, allowlist.data, new Date());
for (const advisory of verdict.unlisted) console.error(`audit: ${advisory.severity} ${advisory.id} in ${advisory.package}: ${advisory.title} — not in ${allowlistPath}`);
for (const entry of verdict.stale) console.error(`audit: allowlist entry ${entry.id} was last reviewed ${entry.reviewed}, more than ${MAX_REVIEW_AGE_DAYS} days ago — review it again`);
for (const id of verdict.unused) console.log(`audit: allowlist entry ${id} matches no advisory any more — remove it`);
const found = Object.keys(report.data.advisories).length;
if (verdict.unlisted.length > 0 || verdict.stale.length > 0) {
  console.error(`audit: failed — ${verdict.unlisted.length} advisory(ies) not in the allowlist, ${verdict.stale.length} stale allowlist entry(ies)`);
  process.exit(1);
}
console.log(`audit: ${found} advisory(ies), all in the reviewed allowlist`);

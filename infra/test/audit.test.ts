import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditAllowlistSchema, judgeAudit } from '../src/audit/audit-allowlist.js';
import { runNode } from './support/run-node.js';

const RUN = resolve(import.meta.dirname, '../src/audit/run-audit.ts');
const dir = mkdtempSync(join(tmpdir(), 'audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The shape `pnpm audit --json` prints (npm's v6 audit report).
const report = {
  actions: [],
  advisories: {
    '1102341': { id: 1102341, github_advisory_id: 'GHSA-9wv6-86v2-598j', module_name: 'path-to-regexp', severity: 'high', title: 'path-to-regexp outputs backtracking regular expressions', url: 'https://github.com/advisories/GHSA-9wv6-86v2-598j', findings: [] },
    '1096727': { id: 1096727, github_advisory_id: 'GHSA-c2qf-rxjj-qqgw', module_name: 'semver', severity: 'moderate', title: 'semver vulnerable to Regular Expression Denial of Service', findings: [] },
  },
  muted: [],
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 1, critical: 0 } },
};
const entry = (id: string, reviewed: string) => ({ id, package: 'semver', why: 'Only reached by dev tooling on trusted input; no runtime path.', reviewed });

describe('judgeAudit', () => {
  const today = new Date('2026-11-22T00:00:00Z');
  it('lists every advisory that no current allowlist entry covers', () => {
    const verdict = judgeAudit(report, { advisories: [entry('GHSA-c2qf-rxjj-qqgw', '2026-10-01')] }, today);
    expect(verdict.unlisted).toEqual([{ id: 'GHSA-9wv6-86v2-598j', package: 'path-to-regexp', severity: 'high', title: 'path-to-regexp outputs backtracking regular expressions' }]);
    expect(verdict.stale).toEqual([]);
  });

  it('accepts the numeric advisory id too, flags stale reviews (they no longer cover) and unused entries', () => {
    const verdict = judgeAudit(
      report,
      { advisories: [entry('1102341', '2026-11-01'), entry('GHSA-c2qf-rxjj-qqgw', '2026-01-02'), entry('GHSA-2222-3333-4444', '2026-11-01')] },
      today,
    );
    expect(verdict.unlisted.map((advisory) => advisory.id)).toEqual(['GHSA-c2qf-rxjj-qqgw']);
    expect(verdict.stale).toEqual([{ id: 'GHSA-c2qf-rxjj-qqgw', reviewed: '2026-01-02' }]);
    expect(verdict.unused).toEqual(['GHSA-2222-3333-4444']);
  });

  it('refuses allowlist entries without a reason, a review date or a real id', () => {
    expect(auditAllowlistSchema.safeParse({ advisories: [{ id: 'GHSA-9wv6-86v2-598j', package: 'x', why: 'ok', reviewed: '2026-11-01' }] }).success).toBe(false);
    expect(auditAllowlistSchema.safeParse({ advisories: [{ ...entry('GHSA-9wv6-86v2-598j', 'yesterday') }] }).success).toBe(false);
    expect(auditAllowlistSchema.safeParse({ advisories: [{ ...entry('CVE-2024-1234', '2026-11-01') }] }).success).toBe(false);
  });

  it('the committed allowlist is valid', async () => {
    const { readFileSync } = await import('node:fs');
    expect(auditAllowlistSchema.safeParse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../audit-allowlist.json'), 'utf8'))).success).toBe(true);
  });
});

describe('pnpm audit:deps', () => {
  const reportFile = join(dir, 'report.json');
  writeFileSync(reportFile, JSON.stringify(report));
  const allowlist = (advisories: unknown[]) => {
    const file = join(dir, `allowlist-${advisories.length}.json`);
    writeFileSync(file, JSON.stringify({ advisories }));
    return file;
  };
  const today = new Date().toISOString().slice(0, 10);
  const audit = (args: string[]) => runNode('--import', ['tsx', RUN, ...args]);

  it('fails with a sentence per advisory not in the allowlist', async () => {
    const result = await audit(['--allowlist', allowlist([entry('GHSA-c2qf-rxjj-qqgw', today)]), '--command', `cat ${reportFile}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/high GHSA-9wv6-86v2-598j in path-to-regexp: .* not in /);
    expect(result.stderr).not.toMatch(/GHSA-c2qf-rxjj-qqgw/);
  });

  it('passes when every advisory is allowlisted and reviewed', async () => {
    const result = await audit(['--allowlist', allowlist([entry('GHSA-c2qf-rxjj-qqgw', today), entry('GHSA-9wv6-86v2-598j', today)]), '--command', `cat ${reportFile}`]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/2 advisory\(ies\), all in the reviewed allowlist/);
  });

  it('says when the advisory database cannot be reached, and fails on it with --require-database', async () => {
    const unreachable = `echo 'ERR_PNPM_AUDIT_BAD_RESPONSE The audit endpoint responded with 405' >&2; exit 1`;
    const lenient = await audit(['--allowlist', allowlist([]), '--command', unreachable]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/could not be reached, so no audit ran \(ERR_PNPM_AUDIT_BAD_RESPONSE/);
    const strict = await audit(['--allowlist', allowlist([]), '--command', unreachable, '--require-database']);
    expect(strict.code).toBe(1);
  });
});

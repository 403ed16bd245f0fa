import { z } from 'zod';

/**
 * The reviewed exceptions to `pnpm audit`: each advisory we knowingly ship with, why, and when a
 * person last looked at it. An entry older than MAX_REVIEW_AGE_DAYS counts as not reviewed.
 */
export const auditAllowlistSchema = z.strictObject({
  $comment: z.string().optional(),
  advisories: z.array(
    z.strictObject({
      /** GitHub advisory id (GHSA-xxxx-xxxx-xxxx) or the registry's numeric advisory id. */
      id: z.string().regex(/^(GHSA(-[23456789cfghjmpqrvwx]{4}){3}|\d+)$/, 'a GHSA id or a numeric advisory id'),
      package: z.string().min(1),
      why: z.string().min(20, 'say why the advisory is accepted (at least a sentence)'),
      reviewed: z.iso.date(),
    }),
  ),
});
export type AuditAllowlist = z.infer<typeof auditAllowlistSchema>;

export const MAX_REVIEW_AGE_DAYS = 180;

/** The part of `pnpm audit --json` we read (npm's v6 audit report, which pnpm prints). */
export const auditReportSchema = z.object({
  advisories: z.record(
    z.string(),
    z.looseObject({
      id: z.union([z.number(), z.string()]),
      github_advisory_id: z.string().optional(),
      module_name: z.string(),
      severity: z.string(),
      title: z.string(),
      url: z.string().optional(),
    }),
  ),
});
export type AuditReport = z.infer<typeof auditReportSchema>;

export interface AuditVerdict {
  /** Advisories found that no (current) allowlist entry covers. */
  unlisted: Array<{ id: string; package: string; severity: string; title: string }>;
  /** Entries whose review is too old: they must be looked at again. */
  stale: Array<{ id: string; reviewed: string }>;
  /** Entries that no advisory matches any more: remove them. */
  unused: string[];
}

export function judgeAudit(report: AuditReport, allowlist: AuditAllowlist, today: Date): AuditVerdict {
  const oldest = new Date(today.getTime() - MAX_REVIEW_AGE_DAYS * 86_400_000).toISOString().slice(0, 10);
  const stale = allowlist.advisories.filter((entry) => entry.reviewed < oldest).map(({ id, reviewed }) => ({ id, reviewed }));
  const current = new Set(allowlist.advisories.filter((entry) => entry.reviewed >= oldest).map((entry) => entry.id));
  const found = Object.values(report.advisories).map((advisory) => ({
    ids: [String(advisory.id), ...(advisory.github_advisory_id ? [advisory.github_advisory_id] : [])],
    package: advisory.module_name,
    severity: advisory.severity,
    title: advisory.title,
  }));
  const seen = new Set(found.flatMap((advisory) => advisory.ids));
  return {
    unlisted: found
      .filter((advisory) => !advisory.ids.some((id) => current.has(id)))
      .map((advisory) => ({ id: advisory.ids.at(-1) as string, package: advisory.package, severity: advisory.severity, title: advisory.title })),
    stale,
    unused: allowlist.advisories.filter((entry) => !seen.has(entry.id)).map((entry) => entry.id),
  };
}

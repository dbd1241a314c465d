import { AuditReport } from '../../../shared/audit/report';
import type { Db } from '../db';

/** Keep the new report and drop older ones: the audit view shows the latest, and a report can weigh megabytes. */
export function saveAuditReport(db: Db, report: AuditReport): void {
  db.transaction(() => {
    db.prepare('DELETE FROM audit_reports').run();
    db.prepare('INSERT INTO audit_reports (created_at, report) VALUES (?, ?)').run(report.createdAt, JSON.stringify(report));
  }).immediate();
}

/** The latest report, or null when none was made (or the stored one is from a Tailor whose report this one cannot read). */
export function latestAuditReport(db: Db): AuditReport | null {
  const json = db.prepare('SELECT report FROM audit_reports ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
  if (json === undefined) return null;
  const parsed = AuditReport.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

import { createHash } from 'node:crypto';
import { QaReport, type QaLatest } from '../../../shared/qa/qa-report';
import type { Db } from '../../workspace/db';

/** Reports kept per template and segment; older ones are dropped (each is a few kilobytes). */
const KEEP_PER_TEMPLATE = 20;

export const sourceHash = (source: string): string => createHash('sha256').update(source).digest('hex');

/** The template's newest history entry: the version a report describes. */
export const currentVersionId = (db: Db, templateId: number): number | null =>
  (db.prepare('SELECT id FROM template_versions WHERE template_id = ? ORDER BY id DESC LIMIT 1').pluck().get(templateId) as
    number | undefined) ?? null;

export function saveQaReport(db: Db, report: QaReport): number {
  if (report.templateId === null) throw new Error('Only a saved template keeps QA reports.');
  const templateId = report.templateId;
  return db.transaction(() => {
    const id = Number(
      db
        .prepare('INSERT INTO qa_reports (template_id, version_id, source_hash, segment_id, report, checked_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(templateId, report.versionId, report.sourceHash, report.segmentId, JSON.stringify(report), report.checkedAt).lastInsertRowid,
    );
    db.prepare(
      `DELETE FROM qa_reports WHERE template_id = ? AND id NOT IN (
         SELECT id FROM qa_reports WHERE template_id = ? ORDER BY id DESC LIMIT ?)`,
    ).run(templateId, templateId, KEEP_PER_TEMPLATE);
    return id;
  })();
}

/** The newest report over this segment (null: the workspace); `current` while the template's source is what was checked. */
export function latestQaReport(db: Db, templateId: number, segmentId: number | null, currentSource: string): QaLatest | null {
  const row = db
    .prepare('SELECT id, report, source_hash FROM qa_reports WHERE template_id = ? AND segment_id IS ? ORDER BY id DESC LIMIT 1')
    .get(templateId, segmentId) as { id: number; report: string; source_hash: string } | undefined;
  if (!row) return null;
  const parsed = QaReport.safeParse(JSON.parse(row.report));
  // A report a newer Tailor stored in another shape is as good as none: run QA again.
  if (!parsed.success) return null;
  return { id: row.id, report: parsed.data, current: row.source_hash === sourceHash(currentSource) };
}

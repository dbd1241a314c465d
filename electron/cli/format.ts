import path from 'node:path';
import type { Diagnostic, ExportResult, ImportReport, Job, TemplateMeta } from '../../shared/contract/schemas';
import { describePolicy } from '../../shared/imports/policy';

/** How many rejected rows the import summary lists; the rest are counted, and the --json report has the same first ones. */
export const REJECTIONS_SHOWN = 20;

const count = (n: number): string => n.toLocaleString('en-US');

/** The compiler convention (`file:line:col: severity: message`) so editors and CI logs can jump to the spot. */
export function formatDiagnostic(file: string, diagnostic: Diagnostic): string {
  let where = file;
  if (diagnostic.line !== null) {
    where += `:${diagnostic.line}`;
    if (diagnostic.column !== null) where += `:${diagnostic.column}`;
  }
  return `${where}: ${diagnostic.severity}: ${diagnostic.message}`;
}

export function formatImportReport(report: ImportReport, workspace: string): string[] {
  const lines = [
    `Imported ${report.file} into ${workspace}`,
    `  rows read:     ${count(report.rowsRead)}`,
    `  imported:      ${count(report.rowsImported)}`,
    `  rejected:      ${count(report.rowsRejected)}`,
    `  skipped:       ${count(report.rowsSkipped)} (blank or footer lines)`,
    `  flagged:       ${count(report.rowsFlagged ?? 0)} (imported with a validation flag)`,
  ];
  for (const rule of report.ruleCounts ?? []) {
    lines.push(`    ${rule.label}: ${count(rule.flagged)} flagged, ${count(rule.rejected)} rejected`);
  }
  if (report.entity !== 'customers') {
    lines.splice(1, 0, `  holding:       ${report.entity}`);
    lines.push(
      `  linked:        ${count(report.rowsImported - report.rowsUnlinked)}`,
      `  unlinked:      ${count(report.rowsUnlinked)} (customer not in the workspace yet)`,
    );
    for (const row of report.unlinked) lines.push(`    line ${row.line}: ${row.customerKey}`);
  }
  if (report.policy !== null) lines.push(`  policy:        ${describePolicy(report.policy)}`);
  if (report.mapping.length > 0) {
    const width = Math.max(...report.mapping.map((column) => column.header.length));
    lines.push('Column mapping:');
    for (const column of report.mapping) {
      const kept = report.entity === 'customers' ? 'custom attribute' : `kept with each ${report.entity === 'orders' ? 'order' : 'event'}`;
      const custom = column.kind === 'custom' ? ` (${kept})` : '';
      lines.push(`  ${column.header.padEnd(width)}  ->  ${column.key}${custom}`);
    }
  }
  if (report.rowsRejected > 0) {
    const shown = report.rejections.slice(0, REJECTIONS_SHOWN);
    const heading =
      report.rowsRejected > shown.length ? `Rejected rows (first ${shown.length} of ${count(report.rowsRejected)}):` : 'Rejected rows:';
    lines.push(heading);
    for (const rejection of shown) lines.push(`  line ${rejection.line}: ${rejection.reason}`);
    lines.push(
      `The import succeeded; ${count(report.rowsRejected)} row${report.rowsRejected === 1 ? ' was' : 's were'} left out. Fix them and import the file again to add them.`,
    );
  }
  if (report.message) lines.push(report.message);
  return lines;
}

/** One progress line, rewritten in place with \r; wide enough to cover the previous one. */
export function formatProgress(file: string, job: Job): string {
  const { done, total, rows } = job.progress;
  const percent = total !== null && total > 0 ? ` ${Math.min(100, Math.floor((done / total) * 100))}%` : '';
  return `Importing ${path.basename(file)}...${percent} (${count(rows)} rows)`;
}

export function formatTemplates(templates: TemplateMeta[]): string[] {
  if (templates.length === 0) return ['No templates in this workspace yet.'];
  const idWidth = Math.max(2, ...templates.map((template) => String(template.id).length));
  const nameWidth = Math.max(4, ...templates.map((template) => template.name.length));
  return [
    `${'ID'.padStart(idWidth)}  ${'Name'.padEnd(nameWidth)}  Updated`,
    ...templates.map(
      (template) => `${String(template.id).padStart(idWidth)}  ${template.name.padEnd(nameWidth)}  ${formatWhen(template.updatedAt)}`,
    ),
  ];
}

/** ISO timestamps shortened to the minute, in local time, which is what a person reading a table wants. */
function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function formatExport(result: ExportResult): string[] {
  const noun = result.files.length === 1 ? 'file' : 'files';
  return [
    `Wrote ${result.files.length} ${noun} to ${result.dir}${result.replaced ? ' (replacing the earlier export there)' : ''}:`,
    ...result.files.map((file) => `  ${file.path}  (${file.kind}, ${count(file.bytes)} bytes)`),
    `Manifest (marks the export complete): ${result.manifest}`,
  ];
}

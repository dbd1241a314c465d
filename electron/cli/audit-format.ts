import type { AuditFinding, AuditReport, FieldAudit } from '../../shared/audit/report';

const count = (n: number): string => n.toLocaleString('en-US');
const percent = (part: number, whole: number): string => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);

/** Long cells (a whole address, a pasted paragraph) are cut so a field stays on one line. */
const clip = (text: string, max = 32): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function rangeText(field: FieldAudit): string {
  const range = field.range;
  if (!range) return '';
  if (range.kind === 'text') return `length ${range.minLength}–${range.maxLength}`;
  return `${range.kind === 'number' ? count(range.min) : range.min} … ${range.kind === 'number' ? count(range.max) : range.max}`;
}

function fieldLine(field: FieldAudit, width: number): string {
  const distinct = field.distinctExact ? count(field.distinct) : `>${count(field.distinct)}`;
  const top = field.top
    .slice(0, 3)
    .map((entry) => `${clip(entry.value, 20)} (${count(entry.count)})`)
    .join(', ');
  return [
    field.id.padEnd(width),
    field.type.padEnd(9),
    percent(field.filled, field.rows).padStart(7),
    distinct.padStart(9),
    `  ${rangeText(field)}`,
    top ? `  top: ${top}` : '',
  ].join(' ');
}

function findingLines(finding: AuditFinding): string[] {
  const shown = finding.rows
    .slice(0, 5)
    .map(
      (row) => `${row.rowId}${row.customerId && row.customerId !== row.rowId ? ` (customer ${row.customerId})` : ''}: ${clip(row.value)}`,
    );
  const more = finding.count - shown.length;
  return [
    `  ${finding.fieldId}: ${finding.title}`,
    `    ${finding.detail}`,
    ...shown.map((row) => `    ${row}`),
    ...(more > 0 ? [`    … and ${count(more)} more`] : []),
  ];
}

/** The readable form of `tailor audit`: one line per field, then each finding with its first rows. */
export function formatAuditReport(report: AuditReport, workspace: string): string[] {
  const width = Math.max(5, ...report.fields.map((field) => field.id.length));
  const lines = [
    `Audit of ${workspace} (${report.createdAt}, ${count(report.durationMs)} ms)`,
    `  ${count(report.rows.customers)} customers, ${count(report.rows.orders)} orders, ${count(report.rows.events)} events`,
    '',
    `${'field'.padEnd(width)} ${'type'.padEnd(9)} ${'filled'.padStart(7)} ${'distinct'.padStart(9)}   range`,
    ...report.fields.map((field) => fieldLine(field, width)),
    '',
  ];
  if (report.findings.length === 0) {
    lines.push('No outliers or anomalies found.');
  } else {
    lines.push(`${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}:`);
    for (const finding of report.findings) lines.push(...findingLines(finding));
  }
  return lines;
}

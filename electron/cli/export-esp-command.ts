import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import type { EspExportResult, RoundTripReport } from '../../shared/contract/esp-schemas';
import { ESP_IDS, ESP_NAMES, type EspId } from '../../shared/esp/esp';
import { openWorkspace, withApp } from './commands';
import { formatDiagnostic, formatExport } from './format';
import { EXIT, type Output } from './io';
import { resolveTemplate } from './template-ref';

export function parseEsp(value: string): EspId {
  const esp = ESP_IDS.find((id) => id === value.toLowerCase());
  if (!esp) throw new InvalidArgumentError(`Give one of ${ESP_IDS.join(', ')}.`);
  return esp;
}

/** The round-trip check in lines: a verdict, then each persona that differs with what differs. */
export function formatRoundTrip(report: RoundTripReport): string[] {
  const failing = report.personas.filter((persona) => !persona.ok);
  const lines = [
    report.ok
      ? `Round-trip check: ${ESP_NAMES[report.esp]} shows every persona (${report.personas.length}) the same text as Tailor.`
      : `Round-trip check: ${failing.length} of ${report.personas.length} personas differ in ${ESP_NAMES[report.esp]}:`,
  ];
  for (const persona of failing) {
    lines.push(`  ${persona.label}${persona.customerId ? ` (customer ${persona.customerId})` : ''}:`);
    if (persona.problem) lines.push(`    ${persona.problem}`);
    for (const difference of persona.differences.slice(0, 5)) {
      lines.push(`    Tailor: ${difference.expected || '(nothing)'}`, `    ${ESP_NAMES[report.esp]}: ${difference.actual || '(nothing)'}`);
    }
    if (persona.differences.length > 5) lines.push(`    … and ${persona.differences.length - 5} more`);
  }
  return lines;
}

export const formatEspExport = (result: EspExportResult): string[] => [
  ...formatExport(result),
  ...(result.warnings.length
    ? [`${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'} for ${ESP_NAMES[result.esp]}:`]
    : [`No warnings for ${ESP_NAMES[result.esp]}.`]),
  ...result.warnings.map(
    (w) =>
      `  ${w.line === null ? '' : `line ${w.line}: `}${w.level === 'info' ? 'note: ' : ''}${w.message}${w.construct ? `  [${w.construct}]` : ''}`,
  ),
  ...formatRoundTrip(result.roundTrip),
];

/**
 * `export --esp`: the template in one ESP's language, round-trip checked for
 * every persona. Exit 1 when the check finds a difference: the files are
 * written (to look at), but the email is not what Tailor shows.
 */
export async function exportEspCommand(
  out: Output,
  workspace: string,
  opts: { template: string; out: string; esp: EspId; folder?: string; replace?: boolean; minify?: boolean },
): Promise<number> {
  return withApp(out, async (client) => {
    await openWorkspace(client, workspace);
    const template = await resolveTemplate(client, opts.template);
    const result = await client.call('esp.export', {
      template: template.ref,
      esp: opts.esp,
      dir: path.resolve(opts.out),
      folder: opts.folder,
      replace: opts.replace ?? false,
      minify: opts.minify ?? false,
    });
    for (const diagnostic of result.diagnostics) out.note(formatDiagnostic(template.label, diagnostic));
    if (out.json) out.document(result);
    else out.lines(formatEspExport(result));
    const errors = result.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
    return errors || !result.roundTrip.ok ? EXIT.input : EXIT.ok;
  });
}

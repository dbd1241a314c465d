import type { RoundTripReport } from '../../../shared/contract/esp-schemas';
import { ESP_NAMES } from '../../../shared/esp/esp';

/** The round-trip check: a verdict, and for each persona that differs, what Tailor shows against what the ESP would. */
export function RoundTripSummary({ report }: { report: RoundTripReport }) {
  const esp = ESP_NAMES[report.esp];
  if (report.ok) {
    return (
      <div className="alert alert-success" role="status" aria-label="Round-trip check">
        Round-trip check passed: {esp} shows each of the {report.personas.length} personas the same text as Tailor (
        {report.personas.map((p) => p.label).join(', ')}).
      </div>
    );
  }
  const failing = report.personas.filter((persona) => !persona.ok);
  return (
    <div className="alert alert-warning" role="status" aria-label="Round-trip check">
      <strong>
        Round-trip check: {failing.length} of {report.personas.length} personas would read differently in {esp}.
      </strong>
      {failing.map((persona) => (
        <div key={persona.label}>
          <div style={{ marginTop: 6 }}>{persona.label}</div>
          {persona.problem && <div className="muted">{persona.problem}</div>}
          {persona.differences.slice(0, 4).map((difference, index) => (
            <div className="esp-roundtrip-diff" key={index}>
              <span>Tailor</span>
              <span className="mono">{difference.expected || '(nothing)'}</span>
              <span>{esp}</span>
              <span className="mono">{difference.actual || '(nothing)'}</span>
            </div>
          ))}
          {persona.differences.length > 4 && <div className="muted">… and {persona.differences.length - 4} more</div>}
        </div>
      ))}
    </div>
  );
}

import { useState } from 'react';
import { toast } from 'sonner';
import type { LintSettings } from '../../../shared/qa/lint/lint-settings';
import type { LintFinding } from '../../../shared/qa/lint-types';
import { errorMessage, useApi } from '../../api/queries';
import { api } from '../../api/transport';
import { Dialog } from '../../ui/Dialog';
import { formatBytes } from '../../ui/format';
import { LintSettingsForm } from './LintSettingsForm';
import { lintSummary } from './lint-summary';
import './lint.css';

const GMAIL_CLIP_BYTES = 102 * 1024;
const SEVERITY_MARK = { error: '●', warning: '▲', info: 'i' } as const;

interface Props {
  templateName: string;
  /** The text in the editor, unsaved edits included: the lint checks what the author sees. */
  source: string;
  onClose: () => void;
}

type Tab = 'findings' | 'text' | 'settings';

/**
 * The email lint of the open template as one persona receives it: links,
 * alt text, unsubscribe, Gmail clipping and client support, the plain-text
 * part, and the workspace's lint settings.
 */
export function LintPanel({ templateName, source, onClose }: Props) {
  const personas = useApi('personas.list', {});
  const [personaId, setPersonaId] = useState<number | undefined>(undefined);
  const [tab, setTab] = useState<Tab>('findings');
  const [saving, setSaving] = useState(false);
  const settings = useApi('lint.settings', {});
  const report = useApi('lint.run', personaId === undefined ? { source } : { source, personaId }, { staleTime: 0, gcTime: 0 });
  const data = report.data;

  const save = async (next: LintSettings) => {
    setSaving(true);
    try {
      await api.call('lint.saveSettings', next);
      await settings.refetch();
      await report.refetch();
      setTab('findings');
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      title={`Lint “${templateName}”`}
      description="Checks the email as it is sent (CSS inlined) for one persona: links, alt text, unsubscribe, Gmail clipping, and support in the clients you pick."
      onClose={onClose}
      width={860}
      footer={
        <button className="btn btn-primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="lint-toolbar">
        <label className="toggle">
          As
          <select
            className="input"
            aria-label="Persona to lint as"
            value={personaId ?? data?.personaId ?? ''}
            onChange={(event) => setPersonaId(Number(event.target.value))}
          >
            {(personas.data ?? []).map((persona) => (
              <option key={persona.id} value={persona.id}>
                {persona.label}
              </option>
            ))}
          </select>
        </label>
        <div className="segmented" role="tablist" aria-label="Lint sections">
          {(['findings', 'text', 'settings'] as const).map((name) => (
            <button key={name} role="tab" aria-selected={tab === name} aria-pressed={tab === name} onClick={() => setTab(name)}>
              {name === 'findings' ? 'Findings' : name === 'text' ? 'Plain text' : 'Settings'}
            </button>
          ))}
        </div>
        <span className="muted" style={{ marginLeft: 'auto', fontSize: 12 }} data-testid="lint-size">
          {data && !data.problem ? `${formatBytes(data.bytes)} of Gmail's ${formatBytes(GMAIL_CLIP_BYTES)}` : ''}
        </span>
        <button className="btn btn-sm" onClick={() => void report.refetch()} disabled={report.isFetching}>
          {report.isFetching ? 'Linting…' : 'Lint again'}
        </button>
      </div>
      {report.error && <div className="alert alert-danger">{errorMessage(report.error)}</div>}
      {data?.problem && <div className="alert alert-warning">{data.problem}</div>}
      {tab === 'findings' && data && !data.problem && (
        <>
          <div
            className={`alert ${data.findings.some((f) => f.severity === 'error') ? 'alert-danger' : 'alert-success'}`}
            role="status"
            data-testid="lint-summary"
          >
            {lintSummary(data.findings)} for {data.personaLabel}
          </div>
          <FindingList label="Lint findings" findings={data.findings.filter((f) => f.rule !== 'client-support')} />
          <h3 className="lint-heading">Client support (caniemail)</h3>
          <FindingList label="Client support findings" findings={data.findings.filter((f) => f.rule === 'client-support')} />
        </>
      )}
      {tab === 'text' && data && !data.problem && (
        <pre className="lint-text" aria-label="Plain-text part">
          {data.text}
        </pre>
      )}
      {tab === 'settings' && settings.data && (
        <LintSettingsForm
          settings={settings.data.settings}
          clients={settings.data.clients}
          saving={saving}
          onSave={(next) => void save(next)}
        />
      )}
      {!data && report.isFetching && <div className="muted">Linting…</div>}
    </Dialog>
  );
}

function FindingList({ label, findings }: { label: string; findings: readonly LintFinding[] }) {
  if (findings.length === 0) return <p className="muted">Nothing to report.</p>;
  return (
    <ul className="lint-findings" aria-label={label}>
      {findings.map((finding, index) => (
        <li key={index} className="lint-finding" data-severity={finding.severity} data-rule={finding.rule}>
          <span className="sev" aria-label={finding.severity}>
            {SEVERITY_MARK[finding.severity]}
          </span>
          <span>
            {finding.message}
            {finding.line !== null && <span className="muted"> · line {finding.line} of the sent HTML</span>}
          </span>
          {finding.excerpt && <code className="excerpt">{finding.excerpt}</code>}
        </li>
      ))}
    </ul>
  );
}

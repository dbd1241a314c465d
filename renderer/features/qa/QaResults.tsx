import type { QaReport } from '../../../shared/qa/qa-report';
import { untakenBranches } from '../../../shared/qa/qa-report';

const count = (n: number) => n.toLocaleString();
const share = (n: number, of: number) => (of === 0 ? '0%' : `${Math.round((1000 * n) / of) / 10}%`);

function Examples({ ids, onOpen }: { ids: readonly string[]; onOpen: (id: string) => void }) {
  return (
    <span className="qa-examples">
      {ids.map((id) => (
        <button key={id} className="link" onClick={() => onOpen(id)} title={`Preview as ${id}`}>
          {id}
        </button>
      ))}
    </span>
  );
}

/** A stored QA report: what blocks a send first, then coverage, addresses and size. Example customers open their preview. */
export function QaResults({ report, onOpen }: { report: QaReport; onOpen: (customerId: string) => void }) {
  const untaken = untakenBranches(report);
  const tokens = report.tokens.filter((t) => t.empty + t.fallback > 0);
  return (
    <div className="qa-results" data-testid="qa-results">
      {report.compileErrors.length > 0 && (
        <div className="alert alert-danger">The template does not compile: {report.compileErrors.join('; ')}</div>
      )}
      <section aria-label="Tokens">
        <h3>Tokens empty or fallen back</h3>
        {tokens.length === 0 ? (
          <p className="muted">Every token had a value for every recipient.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>Token</th>
                <th>Line</th>
                <th>Empty (no fallback)</th>
                <th>Fell back</th>
                <th>Examples</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.token} data-token={t.token}>
                  <td>
                    <code>{`{{ ${t.token} }}`}</code>
                  </td>
                  <td>{t.lines.join(', ')}</td>
                  <td>{t.empty ? <span className="badge badge-danger">{count(t.empty)}</span> : '0'}</td>
                  <td>{t.fallback ? <span className="badge badge-warning">{count(t.fallback)}</span> : '0'}</td>
                  <td>
                    <Examples ids={t.emptyExamples.length ? t.emptyExamples : t.fallbackExamples} onOpen={onOpen} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label="Branch coverage">
        <h3>Branch coverage {untaken.length > 0 && <span className="badge badge-warning">{untaken.length} nobody takes</span>}</h3>
        {report.branches.length === 0 ? (
          <p className="muted">The template has no if, unless or case.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>Line</th>
                <th>Branch</th>
                <th>Recipients</th>
                <th>Examples</th>
              </tr>
            </thead>
            <tbody>
              {report.branches.map((b, i) => (
                <tr key={i} data-untaken={b.taken === 0 && !b.implicit}>
                  <td>{b.line ?? '—'}</td>
                  <td>
                    <code>
                      {b.kind === 'else'
                        ? b.implicit
                          ? `(no else) of ${b.condition}`
                          : `else of ${b.condition}`
                        : `${b.kind} ${b.condition}`}
                    </code>
                  </td>
                  <td>
                    <div className="qa-share">
                      <div className="progress" aria-hidden>
                        <div style={{ width: share(b.taken, report.rendered) }} />
                      </div>
                      {count(b.taken)} ({share(b.taken, report.rendered)})
                      {b.taken === 0 && !b.implicit && <span className="badge badge-warning">nobody takes it</span>}
                    </div>
                  </td>
                  <td>
                    <Examples ids={b.examples} onOpen={onOpen} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label="Render errors">
        <h3>Render errors</h3>
        {report.errors.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul>
            {report.errors.map((e, i) => (
              <li key={i}>
                <span className="badge badge-danger">{count(e.count)}</span> {e.line !== null && `line ${e.line}: `}
                {e.message} <Examples ids={e.customerIds} onOpen={onOpen} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Malformed URLs">
        <h3>Malformed URLs after rendering</h3>
        {report.urls.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul>
            {report.urls.map((u, i) => (
              <li key={i}>
                <span className="badge badge-danger">{count(u.count)}</span> {u.attribute} {u.reason}: <code>{u.example}</code>{' '}
                <Examples ids={u.customerIds} onOpen={onOpen} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Size">
        <h3>Size</h3>
        <p>
          Largest email {Math.round(report.size.largestBytes / 102.4) / 10} KB
          {report.size.largestCustomerId && (
            <>
              {' '}
              (<Examples ids={[report.size.largestCustomerId]} onOpen={onOpen} />)
            </>
          )}
          . Over Gmail&apos;s 102 KB clipping limit:{' '}
          {report.size.overGmailClip ? <span className="badge badge-danger">{count(report.size.overGmailClip)}</span> : 'nobody'}
          {report.size.overGmailExamples.length > 0 && <Examples ids={report.size.overGmailExamples} onOpen={onOpen} />}
        </p>
      </section>
      {report.lint.length > 0 && (
        <section aria-label="Lint">
          <h3>Lint</h3>
          <ul>
            {report.lint.map((f, i) => (
              <li key={i}>
                <span className={`badge ${f.severity === 'error' ? 'badge-danger' : 'badge-warning'}`}>{f.severity}</span> {f.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

import type { InboxRow as Row } from '../../../../shared/templates/preview-document';

/** Inboxes cut the preview text off around here (Gmail on the web shows about 100 characters with a short subject). */
const LONG_PREHEADER = 100;
const SHORT_PREHEADER = 40;

function preheaderHint(length: number): string {
  if (length === 0) return 'No preheader: inboxes show the first text of the email instead';
  const count = `${length} character${length === 1 ? '' : 's'} visible`;
  if (length < SHORT_PREHEADER) return `${count} · short: inboxes fill the rest with body text`;
  if (length > LONG_PREHEADER) return `${count} · inboxes show about the first ${LONG_PREHEADER}`;
  return count;
}

/**
 * The email as it sits in an inbox list before it is opened: subject and
 * preheader, with this persona's tokens rendered, on one line as a client
 * shows them, and the preheader's visible length below.
 */
export function InboxRow({ inbox }: { inbox: Row }) {
  const length = inbox.preheader === null ? 0 : inbox.preheaderLength;
  return (
    <div className="inbox-row" data-testid="inbox-row" aria-label="Inbox row">
      <div className="inbox-line">
        <span className="inbox-text">
          <b className="inbox-subject" data-testid="inbox-subject" data-missing={inbox.subject === null}>
            {inbox.subject ?? '(no subject)'}
          </b>
          {inbox.preheader !== null && (
            <span className="inbox-preheader" data-testid="inbox-preheader">
              {' — '}
              {inbox.preheader}
            </span>
          )}
        </span>
      </div>
      <div
        className="inbox-meta"
        data-testid="preheader-length"
        data-warn={length === 0 || length < SHORT_PREHEADER || length > LONG_PREHEADER}
      >
        {preheaderHint(length)}
      </div>
    </div>
  );
}

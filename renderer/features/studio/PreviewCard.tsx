import { useEffect, useMemo, useRef, useState } from 'react';
import type { ShownPreview } from './use-previews';
import type { CompareInput, PreviewOptions } from '../../../shared/templates/preview-document';
import { Dialog } from '../../ui/Dialog';
import { ExpandIcon, PencilIcon } from '../../ui/icons';
import { usePreviewFrame } from './use-preview-frame';
import { usePreparedPreview } from './use-prepared-preview';
import { CompareBadges } from './previews/CompareBadges';
import { LiveFrame } from './previews/LiveFrame';
import { InboxRow } from './previews/InboxRow';
import { frameScale, type PreviewSettings } from './previews/preview-settings';
import { rewriteSheet, rewriteStyleAttribute } from './previews/sheet-rewrite';

const ACTUAL_SIZE = (width: number) => ({ width, height: '70vh', border: '1px solid var(--border)', borderRadius: 6, background: 'white' });

interface Props {
  preview: ShownPreview;
  settings: PreviewSettings;
  allowRemote: boolean;
  /** Compare mode: what the other personas' emails hold. */
  compare?: CompareInput;
  onEdit: () => void;
}

/**
 * One persona's email. Rendered HTML is untrusted: it goes into a sandboxed
 * iframe without allow-scripts. By default that is a srcdoc LiveFrame, which
 * inherits the studio's CSP (no remote loads at all), gets its own blocking
 * CSP first in its head, and takes each new render by changing its document
 * in place (see previews/LiveFrame.tsx). With remote images on, the
 * document is served by the host under a CSP that allows remote images, fonts
 * and styles only (see use-preview-frame.ts); until that URL is ready the
 * blocked version shows. The frame is laid out at the device's real width and
 * scaled down to fit the card, as an email client would show it.
 */
export function PreviewCard({ preview, settings, allowRemote, compare, onEdit }: Props) {
  const [expanded, setExpanded] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const [{ boxWidth, boxHeight }, setBox] = useState({ boxWidth: 300, boxHeight: 520 });
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(
      ([entry]) => entry && setBox({ boxWidth: entry.contentRect.width, boxHeight: entry.contentRect.height }),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const { width, zoom, appearance, images } = settings;
  const scale = frameScale(zoom, width, boxWidth);
  const blockedOptions = useMemo(
    (): PreviewOptions => ({ appearance, images, rewriteSheet, rewriteStyleAttribute, compare, allowRemote: false }),
    [appearance, images, compare],
  );
  const remoteOptions = useMemo(() => (allowRemote ? { ...blockedOptions, allowRemote: true } : null), [allowRemote, blockedOptions]);
  // Prepared on the paint queue: a new render result swaps the cards' frames a few per frame, not all in one task.
  const blocked = usePreparedPreview(preview.html, blockedOptions);
  const doc = blocked?.document ?? null;
  const remoteImages = blocked?.remoteImages ?? 0;
  const remoteUrl = usePreviewFrame(usePreparedPreview(preview.html, remoteOptions)?.document ?? null);
  const customer = preview.customer;

  return (
    <article className="preview-card" data-testid="preview-card" aria-label={`Preview as ${preview.label}`}>
      <header>
        <div className="persona-label">
          <span className="persona-name">{preview.label}</span>
          {doc !== null && (
            <button
              className="btn btn-ghost btn-sm"
              onClick={() => setExpanded(true)}
              title="See this email at its real size"
              aria-label="Expand"
            >
              <ExpandIcon />
            </button>
          )}
          <button className="btn btn-ghost btn-sm" onClick={onEdit} title="Choose who this persona is" aria-label="Edit">
            <PencilIcon />
          </button>
        </div>
        <div className="persona-who" data-testid="persona-customer">
          {customer ? (
            <>
              {customer.displayName}
              {customer.email && customer.email !== customer.displayName ? ` · ${customer.email}` : ''}
            </>
          ) : (
            'No customer'
          )}
        </div>
        <div className="persona-badges">
          {!allowRemote && images === 'on' && remoteImages > 0 && (
            <span className="badge badge-warning" data-testid="remote-blocked">
              {remoteImages} remote image{remoteImages === 1 ? '' : 's'} blocked
            </span>
          )}
          {blocked?.compare && <CompareBadges summary={blocked.compare} />}
        </div>
      </header>
      {blocked ? <InboxRow inbox={blocked.inbox} /> : <div className="inbox-row inbox-empty" />}
      {doc !== null ? (
        <div className="frame-box" ref={box} data-stale={preview.stale} data-zoom={zoom}>
          {preview.stale && (
            <div className="stale-banner" role="alert" data-testid="preview-problem">
              {preview.problem}
              <small>Showing the last version that worked.</small>
            </div>
          )}
          {/* Sized at the scaled size so a fixed zoom wider than the card scrolls instead of being cut off. */}
          <div
            className="frame-sizer"
            style={{ width: width * scale, height: boxHeight, marginLeft: Math.max(0, (boxWidth - width * scale) / 2) }}
          >
            {remoteUrl === null ? (
              <LiveFrame
                document={doc}
                title={`Email as ${preview.label}`}
                data-scale={scale.toFixed(3)}
                style={{ width, height: boxHeight / scale, transform: `scale(${scale})` }}
              />
            ) : (
              <iframe
                key={remoteUrl}
                title={`Email as ${preview.label}`}
                sandbox=""
                src={remoteUrl}
                data-remote
                data-scale={scale.toFixed(3)}
                referrerPolicy="no-referrer"
                style={{ width, height: boxHeight / scale, transform: `scale(${scale})` }}
              />
            )}
          </div>
        </div>
      ) : (
        <div ref={box} className={`preview-problem${customer ? '' : ' neutral'}`} role="alert" data-testid="preview-problem">
          {preview.problem ?? 'Nothing to show yet.'}
        </div>
      )}
      {preview.tokens.length > 0 && (
        <div className="tokens" aria-label="Resolved tokens">
          {preview.tokens.map((token) => (
            <span
              key={token.name}
              className="token"
              data-missing={token.missing}
              title={
                token.missing
                  ? `${token.name} is empty for this customer; a default filter applies if the template has one`
                  : `${token.name} = ${token.value}`
              }
            >
              {token.name}: {token.missing ? '∅ missing' : token.value}
            </span>
          ))}
        </div>
      )}
      {expanded && doc !== null && (
        <Dialog
          title={`${preview.label}${customer ? ` · ${customer.displayName}` : ''}`}
          description={`${width} px wide, actual size.`}
          onClose={() => setExpanded(false)}
          width={width + 48}
          footer={
            <button className="btn btn-primary" onClick={() => setExpanded(false)}>
              Close
            </button>
          }
        >
          {remoteUrl === null ? (
            <LiveFrame document={doc} title={`Email as ${preview.label}, actual size`} style={ACTUAL_SIZE(width)} />
          ) : (
            <iframe
              key={remoteUrl}
              title={`Email as ${preview.label}, actual size`}
              sandbox=""
              src={remoteUrl}
              referrerPolicy="no-referrer"
              style={ACTUAL_SIZE(width)}
            />
          )}
        </Dialog>
      )}
    </article>
  );
}

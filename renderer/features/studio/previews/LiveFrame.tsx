import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { findTextEdit } from '../../../../shared/templates/preview/text-edit';
import { isPreviewDocument, morphFrame, patchFrameText } from './morph-frame';

/** Fired on a LiveFrame's iframe each time it shows a new document (loaded or changed in place); tests and the typing benchmark listen. */
export const FRAME_UPDATED = 'tailor:frame-updated';
export interface FrameUpdatedDetail {
  document: string;
  /** 'load': the frame loaded it as its srcdoc; 'text': one text node changed; 'morph': its document merged in place. */
  how: 'load' | 'text' | 'morph';
}

/**
 * The sandbox of a live preview frame: same origin so the studio can change
 * its document in place (morph-frame.ts), and nothing else, so no script
 * ever runs in it whatever the email holds: the sandbox's scripting flag, not
 * the markup or a policy, decides that (allow-same-origin is only dangerous
 * together with allow-scripts, which would let a frame lift its own sandbox).
 * No forms, popups or top navigation either. Its srcdoc inherits the
 * studio's CSP and carries the preview's own first in its head.
 */
export const LIVE_FRAME_SANDBOX = 'allow-same-origin';

interface Props {
  /** A document from preparePreview (blocking policy). */
  document: string;
  title: string;
  style?: CSSProperties;
  'data-scale'?: string;
}

/**
 * A sandboxed srcdoc frame that follows `document` by changing its own
 * document in place rather than loading each new one: one text node for a
 * typed letter (patchFrameText), otherwise a merge (morphFrame). It
 * loads its first document as srcdoc; one that arrives while a load is under
 * way waits for it. A frame whose document is no longer ours (navigated by a
 * link) loads the new one afresh.
 */
export function LiveFrame({ document, title, style, 'data-scale': scale }: Props) {
  const frame = useRef<HTMLIFrameElement>(null);
  // React sets srcdoc once: changing the attribute would reload the frame, which is what this avoids.
  const [initial] = useState(document);
  const shown = useRef<string | null>(null);
  const latest = useRef(document);

  const announce = (element: HTMLIFrameElement, detail: FrameUpdatedDetail) =>
    element.dispatchEvent(new CustomEvent<FrameUpdatedDetail>(FRAME_UPDATED, { detail }));

  const follow = (element: HTMLIFrameElement) => {
    const next = latest.current;
    if (shown.current === next) return;
    // A typed letter changes one text node: changed alone, before merging the whole document is tried.
    const edit = shown.current === null ? null : findTextEdit(shown.current, next);
    const how = edit !== null && patchFrameText(element, edit) ? 'text' : morphFrame(element, next) ? 'morph' : null;
    if (how !== null) {
      shown.current = next;
      announce(element, { document: next, how });
    } else {
      shown.current = null;
      element.srcdoc = next;
    }
  };

  useLayoutEffect(() => {
    latest.current = document;
    const element = frame.current;
    // Until the first load, the load handler takes the latest document.
    if (element && shown.current !== null) follow(element);
  });

  return (
    <iframe
      ref={frame}
      title={title}
      sandbox={LIVE_FRAME_SANDBOX}
      srcDoc={initial}
      referrerPolicy="no-referrer"
      data-scale={scale}
      style={style}
      onLoad={(event) => {
        const element = event.currentTarget;
        if (isPreviewDocument(element.contentDocument)) {
          // The document it loaded: the srcdoc, whether React's first one or one follow() set.
          shown.current = element.srcdoc;
          announce(element, { document: element.srcdoc, how: 'load' });
        } else {
          // Navigated away by a link: follow() loads the preview again.
          shown.current = null;
        }
        follow(element);
      }}
    />
  );
}

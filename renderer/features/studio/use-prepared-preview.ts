import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { preparePreview, type PreparedPreview, type PreviewOptions } from '../../../shared/templates/preview-document';
import { previewPaints } from './paint-queue';

interface Prepared {
  html: string;
  options: PreviewOptions;
  prepared: PreparedPreview;
}

/**
 * The preview document for `html` (null when there is none, or `options` is
 * null: not wanted). The first one is prepared at once; later ones are
 * prepared on the studio's paint queue (see paint-queue.ts), and until then
 * the card keeps the document it has, so a new render result never prepares
 * six emails and swaps six frames within one task. An unchanged `html` and
 * `options` prepare nothing and leave the frame alone.
 */
export function usePreparedPreview(html: string | null, options: PreviewOptions | null): PreparedPreview | null {
  const owner = useRef({});
  const [shown, setShown] = useState<Prepared | null>(() =>
    html === null || options === null ? null : { html, options, prepared: preparePreview(html, options) },
  );
  const current = shown !== null && shown.html === html && shown.options === options;

  useEffect(() => {
    if (html === null || options === null || current) return;
    return previewPaints.schedule(owner.current, () => {
      const prepared = preparePreview(html, options);
      // Committed within the queue's task, so the frame's new document belongs to this frame, not to a later commit.
      flushSync(() => setShown({ html, options, prepared }));
    });
  }, [html, options, current]);

  return html === null || options === null ? null : (shown?.prepared ?? null);
}

import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { preparePreview, revisePreview, type PreparedPreview, type PreviewOptions } from '../../../shared/templates/preview-document';
import { previewPaints } from './paint-queue';

interface Prepared {
  html: string;
  options: PreviewOptions;
  prepared: PreparedPreview;
}

/**
 * The preview document for `html` (null when there is none, or `options` is
 * null: not wanted). The first one is prepared at once. A later one that
 * differs from the shown one only in a run of copy (a designer typing) is
 * revised from it as it renders, which costs a string search; any other is
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
  const revised = useMemo(
    () =>
      shown === null || current || html === null || shown.options !== options
        ? null
        : revisePreview(shown.html, shown.prepared, html, shown.options),
    [shown, current, html, options],
  );

  useEffect(() => {
    if (html === null || options === null || current || revised !== null) return;
    return previewPaints.schedule(owner.current, () => {
      const prepared = preparePreview(html, options);
      // Committed within the queue's task, so the frame's new document belongs to this frame, not to a later commit.
      flushSync(() => setShown({ html, options, prepared }));
    });
  }, [html, options, current, revised]);

  return html === null || options === null ? null : (revised ?? shown?.prepared ?? null);
}

import { useEffect, useState } from 'react';
import { transport } from '../../api/transport';

/**
 * The URL of `document` published by the host, or null while it is being
 * published (or when `document` is null). Remote images cannot load in a
 * srcdoc frame, which inherits the studio's CSP; a host-served frame has its
 * own, so previews with "Load remote images" on are shown from there.
 */
export function usePreviewFrame(document: string | null): string | null {
  const [published, setPublished] = useState<{ document: string; url: string } | null>(null);
  useEffect(() => {
    if (document === null) return;
    let current = true;
    transport.publishFrame(document).then(
      (url) => current && setPublished({ document, url }),
      // The card keeps showing the blocked preview; nothing is lost by staying there.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [document]);
  return document !== null && published?.document === document ? published.url : null;
}

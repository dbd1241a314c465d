import { useEffect, useMemo, useRef, useState } from 'react';
import { preparePreview } from '../../../../shared/templates/preview-document';

const WIDTH = 640;

/**
 * One variant's email for one persona: a sandboxed srcdoc frame (no scripts,
 * no same origin, remote loads blocked by the document's own CSP), laid out
 * at desktop width and scaled to its column, like the persona previews.
 */
export function VariantFrame({ html, title }: { html: string; title: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 320, height: 480 });
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(
      ([entry]) => entry && setSize({ width: entry.contentRect.width, height: entry.contentRect.height }),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const doc = useMemo(() => preparePreview(html, { allowRemote: false }).document, [html]);
  const scale = Math.min(1, size.width / WIDTH);
  return (
    <div className="frame-box variant-frame" ref={box}>
      <iframe
        title={title}
        sandbox=""
        srcDoc={doc}
        referrerPolicy="no-referrer"
        style={{
          width: WIDTH,
          height: size.height / scale,
          transform: `scale(${scale})`,
          left: Math.max(0, (size.width - WIDTH * scale) / 2),
        }}
      />
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { monaco } from '../monaco-setup';

interface Props {
  /** The version's text (left). */
  original: string;
  /** The template's current text (right). */
  modified: string;
}

/** Monaco's diff editor, read-only, bundled with the app like the editor itself. */
export function VersionDiff({ original, modified }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const diffRef = useRef<ReturnType<typeof monaco.editor.createDiffEditor> | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const diff = monaco.editor.createDiffEditor(host, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 12,
      wordWrap: 'on',
      scrollBeyondLastLine: false,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: false,
    });
    diffRef.current = diff;
    return () => {
      const models = diff.getModel();
      diff.dispose();
      models?.original.dispose();
      models?.modified.dispose();
      diffRef.current = null;
    };
  }, []);

  useEffect(() => {
    const diff = diffRef.current;
    if (!diff) return;
    const previous = diff.getModel();
    diff.setModel({ original: monaco.editor.createModel(original, 'html'), modified: monaco.editor.createModel(modified, 'html') });
    previous?.original.dispose();
    previous?.modified.dispose();
  }, [original, modified]);

  return <div ref={hostRef} style={{ height: '100%', width: '100%' }} data-testid="version-diff" />;
}

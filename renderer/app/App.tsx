import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../api/queries';
import { AuditView } from '../features/audit/AuditView';
import { CustomersView } from '../features/customers/CustomersView';
import { DedupView } from '../features/dedup/DedupView';
import { ImportsView } from '../features/imports/ImportsView';
import { ScoresView } from '../features/scores/ScoresView';
import { SegmentsView } from '../features/segments/SegmentsView';
import { StudioView } from '../features/studio/StudioView';
import { WelcomeView } from '../features/workspace/WelcomeView';
import { WorkspaceMenu } from '../features/workspace/WorkspaceMenu';
import { modKey } from '../ui/format';
import { ShortcutsDialog } from './ShortcutsDialog';
import { CommandPalette } from './palette/CommandPalette';
import { inCodeEditor, opensPalette } from './palette/palette-keys';
import { useAppCommands } from './palette/use-app-commands';
import { Brand } from '../ui/Brand';

export type View = 'studio' | 'customers' | 'segments' | 'imports' | 'dedup' | 'audit' | 'scores';

const VIEWS: { id: View; label: string }[] = [
  { id: 'studio', label: 'Studio' },
  { id: 'customers', label: 'Customers' },
  { id: 'segments', label: 'Segments' },
  { id: 'imports', label: 'Imports' },
  { id: 'dedup', label: 'Duplicates' },
  { id: 'audit', label: 'Audit' },
  { id: 'scores', label: 'Scores' },
];

export function App() {
  const workspace = useApi('workspace.current', {});
  const [view, setView] = useState<View>('studio');
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [showPalette, setShowPalette] = useState(false);
  useAppCommands({
    views: VIEWS,
    goTo: setView,
    showShortcuts: useCallback(() => setShowShortcuts(true), []),
    showPalette: useCallback(() => setShowPalette(true), []),
  });

  useEffect(() => {
    // Capture phase: F1 and Ctrl/Cmd+Shift+P win over the editor's own palette; Ctrl/Cmd+K is left to its chords.
    const onKey = (event: KeyboardEvent) => {
      if (!opensPalette(event, inCodeEditor(event.target))) return;
      event.preventDefault();
      event.stopPropagation();
      setShowPalette((open) => !open);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  useEffect(() => {
    // Ctrl/Cmd+1…7 switch views, as in most desktop studios.
    const onKey = (event: KeyboardEvent) => {
      const typing =
        event.target instanceof HTMLElement && (event.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName));
      if (event.key === '?' && !typing && !document.querySelector('[aria-modal="true"]')) {
        event.preventDefault();
        setShowShortcuts(true);
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      // A modal (an import in progress, say) owns the keyboard until it closes.
      if (document.querySelector('[aria-modal="true"]')) return;
      const index = Number(event.key) - 1;
      const target = VIEWS[index];
      if (target) {
        event.preventDefault();
        setView(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (workspace.isPending) return <div className="empty">Opening workspace…</div>;
  if (workspace.isError) {
    return (
      <div className="welcome">
        <div className="card alert-danger">
          <b>Tailor cannot reach its workspace service.</b>
          <p>{workspace.error.message}</p>
          <button className="btn" onClick={() => void workspace.refetch()}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  if (!workspace.data) return <WelcomeView />;

  return (
    <div className="app">
      <header className="topbar">
        <Brand>Tailor</Brand>
        <nav className="nav" aria-label="Views">
          {VIEWS.map((item, index) => (
            <button
              key={item.id}
              aria-current={view === item.id ? 'page' : undefined}
              onClick={() => setView(item.id)}
              title={`${item.label} (${modKey}+${index + 1})`}
            >
              {item.label}
            </button>
          ))}
        </nav>
        <div className="topbar-spacer" />
        <button
          className="btn btn-ghost btn-sm"
          onClick={() => setShowShortcuts(true)}
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
        >
          ?
        </button>
        <WorkspaceMenu workspace={workspace.data} />
      </header>
      {/* Keyed on the workspace: switching starts every view afresh, so no state leaks across workspaces. */}
      <main style={{ minHeight: 0, overflow: 'hidden' }} key={workspace.data.path}>
        {view === 'studio' && <StudioView workspacePath={workspace.data.path} onGoTo={setView} />}
        {view === 'customers' && <CustomersView />}
        {view === 'segments' && <SegmentsView />}
        {view === 'imports' && <ImportsView />}
        {view === 'audit' && <AuditView />}
        {view === 'dedup' && <DedupView />}
        {view === 'scores' && <ScoresView />}
      </main>
      {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
      {showPalette && <CommandPalette onClose={() => setShowPalette(false)} />}
    </div>
  );
}

import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { toast } from 'sonner';
import type { Diagnostic, Persona } from '../../../shared/contract/schemas';
import type { View } from '../../app/App';
import { errorMessage, useApi, useApiMutation } from '../../api/queries';
import { modKey } from '../../ui/format';
import { ExportDialog } from './ExportDialog';
import { EmailChecks } from '../lint/EmailChecks';
import { FieldPicker } from './FieldPicker';
import { useLanguageCatalog } from './language/use-language-catalog';
import { PersonaDialog } from './PersonaDialog';
import { PreviewPane } from './previews/PreviewPane';
import { HistoryDialog } from './history/HistoryDialog';
import { QaButton } from '../qa/QaButton';
import { ProfilePersonaDialog } from '../qa/ProfilePersonaDialog';
import { TemplateSidebar } from './TemplateSidebar';
import { usePreviews } from './use-previews';
import { useTemplateDraft, type SaveState } from './use-template-draft';
import { CompiledHtmlDialog } from './compiled/CompiledHtmlDialog';
import { useStudioCommands } from './use-studio-commands';
import { PersonasMenu } from '../personas/PersonasMenu';
import { AuthoringStrip } from './authoring/AuthoringStrip';
import { useRenderInputsVersion } from '../partials/render-inputs-version';
import { useVariantChoice } from './variants/use-variant-choice';
import './studio-layout.css';

// Monaco is large; the rest of the studio shows while it loads.
const TemplateEditor = lazy(async () => {
  await import('./monaco-setup');
  const module = await import('./TemplateEditor');
  return { default: module.TemplateEditor };
});

const SAVE_LABEL: Record<SaveState, string> = {
  saved: 'Saved',
  dirty: 'Unsaved changes',
  saving: 'Saving…',
  error: 'Not saved',
};

/** The last template opened, remembered per workspace: ids mean nothing across workspaces. */
const lastTemplateKey = (workspacePath: string) => `tailor.lastTemplate:${workspacePath}`;

const describe = (d: Diagnostic): string => (d.line === null ? d.message : `line ${d.line}: ${d.message}`);

export function StudioView({ workspacePath, onGoTo }: { workspacePath: string; onGoTo: (view: View) => void }) {
  const templates = useApi('templates.list', {});
  const personas = useApi('personas.list', {});
  const createTemplate = useApiMutation('templates.create');
  const [chosenId, setSelectedId] = useState<number | null>(() => Number(localStorage.getItem(lastTemplateKey(workspacePath))) || null);
  // The selection falls back to the first template when none (or a deleted one) is chosen.
  const selectedId = templates.data?.some((t) => t.id === chosenId) ? chosenId : (templates.data?.[0]?.id ?? null);
  const draft = useTemplateDraft(workspacePath, templates.data ? selectedId : null);
  // Previews follow the text of the template on screen, never another template's text under this one's id.
  // Partials and the dictionary are part of every render: a change to either re-renders the previews.
  const renderInputsVersion = useRenderInputsVersion();
  const variantChoice = useVariantChoice(selectedId);
  const previews = usePreviews(
    draft.opened?.id === selectedId ? draft.source : null,
    personas.dataUpdatedAt + renderInputsVersion,
    selectedId,
    variantChoice.rendered,
  );
  const [showHistory, setShowHistory] = useState(false);
  const [allowRemote, setAllowRemote] = useState(false);
  const [editingPersona, setEditingPersona] = useState<Persona | 'new' | null>(null);
  const [exporting, setExporting] = useState(false);
  // Pane sizes are the user's: remembered across launches.
  const layout = useDefaultLayout({ id: 'studio-layout', storage: localStorage });
  const [insert, setInsert] = useState<{ text: string; nonce: number } | null>(null);
  const [reveal, setReveal] = useState<{ line: number; column: number; nonce: number } | null>(null);

  useEffect(() => {
    if (selectedId !== null) localStorage.setItem(lastTemplateKey(workspacePath), String(selectedId));
  }, [selectedId, workspacePath]);
  const catalog = useLanguageCatalog();

  const selected = templates.data?.find((t) => t.id === selectedId) ?? null;
  const diagnostics: Diagnostic[] = useMemo(() => previews.result?.diagnostics ?? [], [previews.result]);
  const errors = diagnostics.filter((d) => d.severity === 'error');

  const [showCompiled, setShowCompiled] = useState(false);
  const newTemplate = useCallback(
    () =>
      void createTemplate.mutateAsync({ name: 'Untitled template' }).then(
        (t) => setSelectedId(t.id),
        (error: unknown) => toast.error(errorMessage(error)),
      ),
    [createTemplate],
  );
  useStudioCommands({
    hasTemplate: selected !== null,
    canExport: selected !== null && errors.length === 0,
    save: useCallback(() => void draft.save(), [draft]),
    exportTemplate: useCallback(() => setExporting(true), []),
    history: useCallback(() => setShowHistory(true), []),
    newTemplate,
    compiledHtml: useCallback(() => setShowCompiled(true), []),
  });
  const editPersona = useCallback((persona: Persona | 'new') => setEditingPersona(persona), []);
  const addPersona = useCallback(() => setEditingPersona('new'), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void draft.save();
      } else if (mod && event.shiftKey && event.key.toLowerCase() === 'e' && selected) {
        event.preventDefault();
        setExporting(true);
      } else if (event.altKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        void createTemplate.mutateAsync({ name: 'Untitled template' }).then(
          (t) => setSelectedId(t.id),
          (error: unknown) => toast.error(errorMessage(error)),
        );
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [draft, selected, createTemplate]);

  return (
    <Group
      orientation="horizontal"
      id="studio-layout"
      className="studio"
      defaultLayout={layout.defaultLayout}
      onLayoutChanged={layout.onLayoutChanged}
    >
      <Panel id="templates" defaultSize="210px" minSize="150px" maxSize="400px">
        <TemplateSidebar
          templates={templates.data ?? []}
          selectedId={selectedId}
          onSelect={setSelectedId}
          beforeDelete={draft.flush}
          onDeleted={draft.forget}
        />
      </Panel>
      <Separator className="resize-handle" />
      <Panel id="editor" defaultSize="36" minSize="320px">
        <section className="editor-pane" aria-label="Template editor">
          <div className="pane-toolbar">
            <h2 style={{ flex: 1 }}>{selected?.name ?? 'No template selected'}</h2>
            {selected && (
              <span
                className="save-state"
                data-state={draft.state}
                data-testid="save-state"
                title={`Saves automatically; ${modKey}+S saves now`}
              >
                {SAVE_LABEL[draft.state]}
              </span>
            )}
            <span className="toolbar-break" aria-hidden />
            {selected && <FieldPicker catalog={catalog} onPick={(text) => setInsert({ text, nonce: Date.now() })} />}
            {selected && (
              <button className="btn btn-sm" onClick={() => setShowCompiled(true)} title="The HTML export writes, with a Copy button">
                HTML
              </button>
            )}
            {selected && (
              <button
                className="btn btn-sm"
                disabled={draft.opened?.id !== selected.id}
                onClick={() => setShowHistory(true)}
                title="Earlier versions of this template"
              >
                History
              </button>
            )}
            {selected && <QaButton templateId={selected.id} templateName={selected.name} beforeRun={draft.save} />}
            <button
              className="btn btn-sm"
              disabled={!selected || draft.state === 'saved'}
              onClick={() => void draft.save()}
              title={`Save (${modKey}+S)`}
            >
              Save
            </button>
          </div>
          <AuthoringStrip
            template={selected}
            source={draft.opened?.id === selectedId ? draft.source : null}
            personas={personas.data ?? []}
            onInsert={(text) => setInsert({ text, nonce: Date.now() })}
          />
          <div className="editor-host" style={{ position: 'relative' }}>
            {selected && draft.opened ? (
              <Suspense fallback={<div className="empty">Loading editor…</div>}>
                <TemplateEditor
                  templateId={draft.opened.id}
                  initialSource={draft.opened.stored}
                  readOnly={draft.opened.id !== selected.id}
                  diagnostics={diagnostics}
                  onSave={() => void draft.save()}
                  revealLine={reveal}
                  insert={insert}
                />
                {draft.opened.id !== selected.id && (
                  // Opening another template: the one still shown is dimmed and takes no clicks.
                  <div aria-hidden style={{ position: 'absolute', inset: 0, background: 'rgba(255, 255, 255, 0.6)' }} />
                )}
              </Suspense>
            ) : (
              <div className="empty">
                <h2>No template open</h2>
                Pick a template on the left, or create one.
              </div>
            )}
          </div>
          {selected && diagnostics.length > 0 && (
            <div className="diagnostics" role="list" aria-label="Problems" data-testid="diagnostics">
              {diagnostics.map((d, index) => (
                <button
                  key={index}
                  role="listitem"
                  className="diagnostic"
                  data-severity={d.severity}
                  onClick={() => d.line !== null && setReveal({ line: d.line, column: d.column ?? 1, nonce: Date.now() })}
                >
                  <span className="sev">{d.severity === 'error' ? '●' : '▲'}</span>
                  <span className="loc">{d.line !== null ? `Ln ${d.line}${d.column !== null ? `, Col ${d.column}` : ''}` : '—'}</span>
                  <span>{d.message}</span>
                </button>
              ))}
            </div>
          )}
          {selected && previews.result && diagnostics.length === 0 && (
            <div className="diagnostics-ok" data-testid="diagnostics-ok">
              ✓ No problems · compiled in {Math.round(previews.result.compileMs)} ms
            </div>
          )}
        </section>
      </Panel>
      <Separator className="resize-handle" />
      <Panel id="previews" minSize="360px">
        <section className="preview-pane" aria-label="Persona previews">
          <div className="pane-toolbar">
            <b style={{ flex: 1 }}>
              Previews{' '}
              {previews.pending && (
                <span className="muted" style={{ fontWeight: 400, fontSize: 12 }}>
                  · updating…
                </span>
              )}
            </b>
            <PersonasMenu previews={previews.previews} onAdd={addPersona} onEdit={editPersona} />
            {selected && (
              <EmailChecks template={selected} source={draft.opened?.id === selected.id ? draft.source : null} save={draft.save} />
            )}
            <button
              className="btn btn-primary btn-sm"
              disabled={!selected || errors.length > 0}
              onClick={() => setExporting(true)}
              title={errors.length ? 'Fix the errors first' : `Export (${modKey}+Shift+E)`}
            >
              Export…
            </button>
          </div>
          {previews.error && (
            <div className="alert alert-danger" style={{ margin: 12 }}>
              {previews.error}
            </div>
          )}
          {errors.length === 0 && diagnostics.length > 0 && (
            <div className="alert alert-warning" style={{ margin: '12px 12px 0' }} data-testid="preview-warnings">
              {diagnostics.length === 1 ? '1 MJML warning' : `${diagnostics.length} MJML warnings`}: email clients may show this
              differently. First: {describe(diagnostics[0]!)}
            </div>
          )}
          <PreviewPane
            previews={previews.previews}
            allowRemote={allowRemote}
            onAllowRemote={setAllowRemote}
            onEdit={(personaId) => setEditingPersona(personas.data?.find((p) => p.id === personaId) ?? null)}
            variants={variantChoice}
            source={draft.opened?.id === selectedId ? draft.source : null}
            renderVersion={personas.dataUpdatedAt + renderInputsVersion}
            empty={
              previews.result &&
              previews.result.previews.length === 0 && (
                <div className="empty card" style={{ gridColumn: '1 / -1' }}>
                  <h2>No personas yet</h2>
                  Personas are the customers you preview as: the first member of a segment, or someone specific.
                  <div style={{ display: 'flex', gap: 8 }}>
                    <button className="btn btn-primary" onClick={() => setEditingPersona('new')}>
                      Add a persona
                    </button>
                    <button className="btn" onClick={() => onGoTo('customers')}>
                      Import customers
                    </button>
                  </div>
                </div>
              )
            }
          />
        </section>
      </Panel>

      {editingPersona && editingPersona !== 'new' && editingPersona.source.kind === 'profile' ? (
        <ProfilePersonaDialog persona={editingPersona} onClose={() => setEditingPersona(null)} />
      ) : (
        editingPersona && (
          <PersonaDialog
            persona={editingPersona === 'new' ? null : editingPersona}
            showing={
              editingPersona === 'new'
                ? null
                : (previews.previews.find((p) => p.personaId === editingPersona.id)?.customer?.displayName ?? null)
            }
            onClose={() => setEditingPersona(null)}
          />
        )
      )}
      {showHistory && selected && (
        <HistoryDialog
          templateId={selected.id}
          templateName={selected.name}
          currentSource={draft.source ?? ''}
          beforeRestore={draft.save}
          onRestored={draft.replace}
          onClose={() => setShowHistory(false)}
        />
      )}
      {showCompiled && selected && <CompiledHtmlDialog source={draft.source ?? ''} onClose={() => setShowCompiled(false)} />}
      {exporting && selected && (
        <ExportDialog templateId={selected.id} templateName={selected.name} beforeExport={draft.save} onClose={() => setExporting(false)} />
      )}
    </Group>
  );
}

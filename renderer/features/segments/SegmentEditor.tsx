import { useCallback, useMemo, useState } from 'react';
import { toast } from 'sonner';
import type { ActivityVocabulary, Customer, FieldInfo, Segment } from '../../../shared/contract/schemas';
import type { RuleTree } from '../../../shared/segments/rule-tree';
import { validateLeaf, type LeafField } from '../../../shared/segments/validate-leaf';
import { errorMessage, useApiMutation } from '../../api/queries';
import { countOf } from '../../ui/format';
import { CustomerDialog } from '../customers/CustomerDialog';
import { AsOfField } from './AsOfField';
import { KindField } from './KindField';
import { LiveCountFigure, LiveSample } from './LiveCountPanel';
import { RuleBuilder } from './RuleBuilder';
import { leafProblems } from './tree-edit';
import { draftOf, isUnsaved, type Draft } from './use-segment-draft';
import { useLiveCount } from './use-live-count';

interface Props {
  draft: Draft;
  setDraft: (next: Draft | null) => void;
  segments: Segment[];
  fields: FieldInfo[];
  vocabulary: ActivityVocabulary;
}

/** One segment being edited: name, kind, as-of date, the rule builder, the live count and first members, and save. */
export function SegmentEditor({ draft, setDraft, segments, fields, vocabulary }: Props) {
  const save = useApiMutation('segments.save');
  const remove = useApiMutation('segments.delete');
  const refresh = useApiMutation('segments.refresh');
  const addPersona = useApiMutation('personas.save');
  const [opened, setOpened] = useState<Customer | null>(null);
  const saved = segments.find((s) => s.id === draft.id);
  const unsaved = isUnsaved(draft, segments);

  const others = useMemo(() => segments.filter((s) => s.id !== draft.id), [segments, draft.id]);
  const problems = useMemo(() => {
    const byKey = new Map<string, LeafField>(fields.map((f) => [f.key, { type: f.type, custom: f.kind === 'custom', locale: f.locale }]));
    const segmentIds = new Set(segments.map((s) => s.id));
    return leafProblems(draft.rule, (leaf) => validateLeaf(leaf, { fields: byKey, selfId: draft.id, segmentIds }));
  }, [draft.rule, draft.id, fields, segments]);
  const valid = problems.size === 0;
  const live = useLiveCount({ rule: draft.rule, asOf: draft.asOf, segmentId: draft.id, enabled: valid });
  const setRule = useCallback((rule: RuleTree) => setDraft({ ...draft, rule }), [draft, setDraft]);

  const submit = async () => {
    try {
      const result = await save.mutateAsync({ id: draft.id, name: draft.name, rule: draft.rule, kind: draft.kind, asOf: draft.asOf });
      setDraft(draftOf(result));
      toast.success(`Saved segment “${result.name}” · ${countOf(result.count, 'customer')}`);
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  const takeSnapshot = async () => {
    if (draft.id === undefined) return;
    try {
      const result = await refresh.mutateAsync({ id: draft.id });
      toast.success(`Refreshed “${result.name}” · ${countOf(result.count, 'customer')}`);
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  const del = async () => {
    if (!draft.id || !window.confirm(`Delete the segment “${draft.name}”? Personas built on it are removed too.`)) return;
    try {
      await remove.mutateAsync({ id: draft.id });
      setDraft(null);
      toast.success('Segment deleted');
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  const addAsPersona = async () => {
    if (!draft.id) return;
    try {
      await addPersona.mutateAsync({ label: draft.name, source: { kind: 'segment', segmentId: draft.id } });
      toast.success(`“${draft.name}” now has a preview in the Studio`);
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  return (
    <div className="card segment-editor">
      <div className="segment-editor-head">
        <label className="field segment-name">
          <span>Segment name</span>
          <input
            className="input"
            value={draft.name}
            placeholder="e.g. Repeat buyers browsing shoes"
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            aria-label="Segment name"
          />
        </label>
        <LiveCountFigure live={live} blocked={!valid} />
      </div>
      <div className="segment-settings">
        <KindField
          kind={draft.kind}
          onChange={(kind) => setDraft({ ...draft, kind })}
          saved={saved}
          onRefresh={() => void takeSnapshot()}
          refreshing={refresh.isPending}
        />
        <AsOfField asOf={draft.asOf} onChange={(asOf) => setDraft({ ...draft, asOf })} />
      </div>
      {saved?.problem && (
        <div className="alert alert-warning" data-testid="segment-problem">
          {saved.problem} Saving new rules here replaces the unreadable one.
        </div>
      )}
      <RuleBuilder tree={draft.rule} fields={fields} vocabulary={vocabulary} segments={others} problems={problems} onChange={setRule} />
      <LiveSample live={live} onOpen={setOpened} />
      <div className="segment-actions">
        <button
          className="btn btn-primary"
          onClick={() => void submit()}
          disabled={!draft.name.trim() || !valid || save.isPending}
          title={valid ? undefined : 'Fix the highlighted conditions first'}
        >
          Save segment
        </button>
        {unsaved && (
          <>
            <span className="save-state" data-state="dirty" data-testid="segment-unsaved">
              Unsaved changes
            </span>
            <button className="btn btn-sm btn-ghost" onClick={() => setDraft(saved ? draftOf(saved) : null)}>
              Discard changes
            </button>
          </>
        )}
        {draft.id !== undefined && (
          <>
            <button className="btn" onClick={() => void addAsPersona()}>
              Preview as persona
            </button>
            <span style={{ flex: 1 }} />
            <button className="btn btn-danger" onClick={() => void del()}>
              Delete
            </button>
          </>
        )}
      </div>
      {opened && <CustomerDialog customer={opened} fields={fields} onClose={() => setOpened(null)} />}
    </div>
  );
}

import { useBuilder } from './builder-context';
import { moveWithin, nodeAt, removeAt, type NodePath } from './tree-edit';

/** Move up, move down and remove for one condition or group; `label` names it for screen readers ("condition 2"). */
export function NodeActions({ path, label }: { path: NodePath; label: string }) {
  const builder = useBuilder();
  const index = path[path.length - 1] ?? 0;
  const parent = nodeAt(builder.tree, path.slice(0, -1));
  const last = parent?.kind !== 'group' || index >= parent.children.length - 1;
  return (
    <span className="rule-actions">
      <button
        type="button"
        className="btn btn-ghost btn-icon"
        onClick={() => builder.change(moveWithin(builder.tree, path, -1))}
        disabled={index === 0}
        aria-label={`Move ${label} up`}
        title="Move up"
      >
        ↑
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-icon"
        onClick={() => builder.change(moveWithin(builder.tree, path, 1))}
        disabled={last}
        aria-label={`Move ${label} down`}
        title="Move down"
      >
        ↓
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-icon"
        onClick={() => builder.change(removeAt(builder.tree, path))}
        aria-label={`Remove ${label}`}
        title="Remove"
      >
        ✕
      </button>
    </span>
  );
}

import type { RuleGroup } from '../../../shared/segments/rule-tree';
import { useBuilder } from './builder-context';
import { NodeActions } from './NodeActions';
import { newLeaf } from './new-leaf';
import { RuleLeafEditor } from './RuleLeafEditor';
import { addChild, newGroup, pathKey, type NodePath } from './tree-edit';

/**
 * One AND / OR group: its combinator and NOT toggles, its children (nested
 * groups indented under a rule line), and buttons to add a condition or a
 * group. The root group cannot be removed or moved.
 */
export function RuleGroupEditor({ group, path }: { group: RuleGroup; path: NodePath }) {
  const builder = useBuilder();
  const n = builder.numbers.get(pathKey(path)) ?? 1;
  const root = path.length === 0;
  const joiner = group.combinator === 'and' ? 'and' : 'or';
  const setCombinator = (combinator: RuleGroup['combinator']) => builder.update(path, (node) => ({ ...(node as RuleGroup), combinator }));
  const toggleNot = () => builder.update(path, (node) => ({ ...(node as RuleGroup), negate: !(node as RuleGroup).negate }));
  const summary = `${group.negate ? 'None' : group.combinator === 'and' ? 'All' : 'Any'} of these`;

  return (
    <div
      className={`rule-group${root ? ' rule-group-root' : ''}${group.negate ? ' rule-group-not' : ''}`}
      role="group"
      aria-label={`Group ${n}: ${summary.toLowerCase()}`}
      data-testid="rule-group"
    >
      <div className="rule-group-head">
        <div className="segmented" role="group" aria-label={`Combine group ${n} with`}>
          {(['and', 'or'] as const).map((combinator) => (
            <button
              key={combinator}
              type="button"
              aria-pressed={group.combinator === combinator}
              onClick={() => setCombinator(combinator)}
              title={combinator === 'and' ? 'Every condition must hold' : 'Any one condition is enough'}
            >
              {combinator.toUpperCase()}
            </button>
          ))}
        </div>
        <button
          type="button"
          className={`btn btn-sm rule-not${group.negate ? ' on' : ''}`}
          aria-pressed={group.negate}
          aria-label={`NOT: exclude customers group ${n} matches`}
          onClick={toggleNot}
          title="Match the customers this group does not"
        >
          NOT
        </button>
        <span className="muted rule-group-summary">{summary}</span>
        <span style={{ flex: 1 }} />
        {!root && <NodeActions path={path} label={`group ${n}`} />}
      </div>
      <div className="rule-group-body">
        {group.children.length === 0 && <div className="muted rule-empty">No conditions yet: every customer matches.</div>}
        {group.children.map((child, index) => (
          <div key={index} className="rule-child">
            {index > 0 && (
              <span className="rule-joiner" aria-hidden="true">
                {joiner}
              </span>
            )}
            {child.kind === 'group' ? (
              <RuleGroupEditor group={child} path={[...path, index]} />
            ) : (
              <RuleLeafEditor leaf={child} path={[...path, index]} />
            )}
          </div>
        ))}
        <div className="rule-group-add">
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => builder.change(addChild(builder.tree, path, newLeaf('field', builder.defaults)))}
            aria-label={`Add condition to group ${n}`}
          >
            + Condition
          </button>
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            onClick={() =>
              builder.change(
                addChild(builder.tree, path, {
                  ...newGroup(),
                  combinator: group.combinator === 'and' ? 'or' : 'and',
                  children: [newLeaf('field', builder.defaults)],
                }),
              )
            }
            aria-label={`Add group to group ${n}`}
          >
            + Group
          </button>
        </div>
      </div>
    </div>
  );
}

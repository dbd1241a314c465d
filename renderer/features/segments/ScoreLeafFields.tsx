import { SCORES, type ScoreName } from '../../../shared/scores/score-names';
import type { FieldOperator, ScoreCondition } from '../../../shared/segments/rule-tree';
import { ComparisonValue } from './ComparisonValue';
import { OperatorSelect } from './FieldSelect';
import { FIELD_OPERATOR_LABELS, SCORE_OPTIONS, scoreOperatorsFor } from './leaf-labels';
import type { LeafFieldsProps } from './RuleLeafEditor';

/** A computed score (RFM, intent, cluster, churn, propensity) compared as a number or a label. */
export function ScoreLeafFields({ leaf, n, problem, set }: LeafFieldsProps<ScoreCondition>) {
  const operators = scoreOperatorsFor(leaf.score);
  const pickScore = (score: ScoreName) => {
    const next = scoreOperatorsFor(score);
    set(next.includes(leaf.op) ? { score } : { score, op: next[0] ?? 'equals' });
  };
  return (
    <>
      <select
        className="select"
        value={leaf.score}
        onChange={(e) => pickScore(e.target.value as ScoreName)}
        aria-label={`Score ${n}`}
        title={SCORES[leaf.score].description}
      >
        {SCORE_OPTIONS.map(({ name, description }) => (
          <option key={name} value={name} title={description}>
            {name}
          </option>
        ))}
      </select>
      <OperatorSelect
        value={leaf.op}
        offered={operators}
        labels={FIELD_OPERATOR_LABELS}
        onChange={(op: FieldOperator) => set({ op })}
        label={`Operator ${n}`}
      />
      <ComparisonValue
        op={leaf.op}
        value={leaf.value}
        values={leaf.values}
        n={n}
        problem={problem}
        placeholder={SCORES[leaf.score].holds === 'number' ? 'a number' : 'e.g. Champions'}
        set={set}
      />
    </>
  );
}

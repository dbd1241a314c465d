import type { Rejection } from '../../../shared/contract/schemas';
import { RULES } from '../../../shared/validation/rule-catalogue';

/** A rejected row's reasons: one line each, named by the rule that gave it, when there are several. */
export function RejectionReasons({ rejection }: { rejection: Rejection }) {
  if (rejection.reasons.length < 2) return <>{rejection.reason}</>;
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }}>
      {rejection.reasons.map((reason, index) => (
        <li key={index}>
          {reason.rule !== null && <b>{RULES[reason.rule].label}: </b>}
          {reason.message}
        </li>
      ))}
    </ul>
  );
}

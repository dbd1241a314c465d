import { useState } from 'react';
import type { PersonaStepResult } from '../../../shared/contract/studio-schemas';
import { errorMessage, useApiMutation } from '../../api/queries';
import { formatCount } from '../../ui/format';

interface Props {
  personaId: number;
  /** Who the persona shows now, when known (from its preview). */
  showing?: string | null;
  compact?: boolean;
}

/** Previous / next / random member of a segment persona's segment; the previews follow. */
export function MemberStepper({ personaId, showing = null, compact = false }: Props) {
  const step = useApiMutation('personas.step');
  const [last, setLast] = useState<PersonaStepResult['member']>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const go = (direction: 'next' | 'previous' | 'random') => {
    setProblem(null);
    step.mutate(
      { id: personaId, direction },
      { onSuccess: (result) => setLast(result.member), onError: (error) => setProblem(errorMessage(error)) },
    );
  };
  const who = last ? `${last.displayName} (${formatCount(last.position)} of ${formatCount(last.count)})` : showing;
  return (
    <div className="member-stepper" role="group" aria-label="Segment member">
      {!compact && (
        <span className="who" data-testid="member-now">
          {who ? <>Showing {who}</> : 'Showing the first member'}
        </span>
      )}
      <button
        className="btn btn-sm"
        onClick={() => go('previous')}
        disabled={step.isPending}
        title="Previous member"
        aria-label="Previous member"
      >
        ‹{compact ? '' : ' Previous'}
      </button>
      <button className="btn btn-sm" onClick={() => go('next')} disabled={step.isPending} title="Next member" aria-label="Next member">
        {compact ? '' : 'Next '}›
      </button>
      <button
        className="btn btn-sm"
        onClick={() => go('random')}
        disabled={step.isPending}
        title="Random member"
        aria-label="Random member"
      >
        {compact ? '⤮' : '⤮ Random'}
      </button>
      {problem && <span className="alert alert-danger">{problem}</span>}
    </div>
  );
}

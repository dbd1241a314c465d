import { useState } from 'react';

/** The customers grid's "Flagged only" filter: its state, and the checkbox that sets it. */
export function useFlaggedFilter(): { only: boolean; toggle: React.JSX.Element } {
  const [only, setOnly] = useState(false);
  const toggle = (
    <label className="muted" style={{ display: 'flex', gap: 6, alignItems: 'center', whiteSpace: 'nowrap' }}>
      <input type="checkbox" checked={only} onChange={(e) => setOnly(e.target.checked)} aria-label="Flagged only" />
      Flagged only
    </label>
  );
  return { only, toggle };
}

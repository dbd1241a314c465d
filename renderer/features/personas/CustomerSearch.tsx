import { useEffect, useId, useState } from 'react';
import type { CustomerMatch } from '../../../shared/contract/studio-schemas';
import { useApi } from '../../api/queries';
import { listKeyTarget } from '../../ui/list-keys';
import { customerSummary } from './persona-label';

interface Props {
  onPick: (match: CustomerMatch) => void;
  /** Shown above the box: what the search is for. */
  label?: string;
  autoFocus?: boolean;
}

/**
 * Search customers by id, email, name or any field (`city:lyon` for one field),
 * as you type. A combobox: arrows move through the results, Enter picks.
 */
export function CustomerSearch({ onPick, label = 'Find a customer', autoFocus = false }: Props) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 180);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useApi('customers.search', { query, limit: 12 }, { enabled: query.length > 0, placeholderData: (previous) => previous });
  const matches = query ? (results.data ?? []) : [];
  const current = Math.min(active, Math.max(0, matches.length - 1));

  return (
    <div className="customer-search">
      <label className="field">
        <span>{label}</span>
        <input
          className="input"
          role="combobox"
          aria-expanded={matches.length > 0}
          aria-controls={listId}
          aria-activedescendant={matches.length ? `${listId}-${current}` : undefined}
          aria-label={label}
          placeholder="Name, email, id or any field (city:Lyon)"
          value={text}
          autoFocus={autoFocus}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            const target = listKeyTarget(e.key, current, matches.length);
            if (target !== null && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
              e.preventDefault();
              setActive(target);
            } else if (e.key === 'Enter' && matches[current]) {
              e.preventDefault();
              onPick(matches[current]);
            }
          }}
        />
      </label>
      {query && (
        <ul className="customer-results" role="listbox" id={listId} aria-label="Matching customers">
          {matches.map((match, index) => (
            <li
              key={match.customer.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === current}
              onMouseEnter={() => setActive(index)}
              onMouseDown={(e) => {
                e.preventDefault();
                onPick(match);
              }}
            >
              <span className="who">{customerSummary(match.customer)}</span>
              {match.matched && (
                <span className="why">
                  {match.matched.field}: <mark>{match.matched.value}</mark>
                </span>
              )}
            </li>
          ))}
          {results.isSuccess && matches.length === 0 && <li className="none">No customer matches “{query}”.</li>}
          {results.isError && <li className="none">{results.error.message}</li>}
        </ul>
      )}
    </div>
  );
}

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useCommands } from '../../app/commands/registry';
import { useDismiss } from '../../ui/use-dismiss';
import { tokenDetail } from './completion-items';
import { suggestedFallback } from './language/analyze-template';
import { fieldToken } from './language/quick-fixes';
import { describeFill, type TokenCatalog, type TokenInfo } from './language/token-catalog';

interface Props {
  catalog: TokenCatalog;
  onPick: (text: string) => void;
}

export const INSERT_FIELD_SHORTCUT = 'Alt+I';
const POPUP_WIDTH = 360;

const matches = (token: TokenInfo, needle: string) =>
  !needle ||
  `${token.label} ${token.name} ${token.aliases.join(' ')} ${token.kind === 'score' ? 'score' : ''}`.toLowerCase().includes(needle);

/**
 * "Insert field": every token with its type, fill rate and samples, then a
 * fallback for the one picked (prefilled from the dictionary, or a greeting for
 * names). Driven from the keyboard: Alt+I opens it, arrows move, Enter picks,
 * Enter again inserts, Escape steps back. Writes the canonical snake_case name.
 */
export function FieldPicker({ catalog, onPick }: Props) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<TokenInfo | null>(null);
  const [fallback, setFallback] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [anchor, setAnchor] = useState<{ top: number; left: number }>({ top: 0, left: 0 });
  const listRef = useRef<HTMLDivElement>(null);

  const close = () => {
    setOpen(false);
    setChosen(null);
  };
  useDismiss(ref, open, close);

  const show = () => {
    // Fixed to the viewport: the editor pane clips what overflows it, and at 1024 px the pane is narrower than the menu.
    const rect = buttonRef.current?.getBoundingClientRect();
    if (rect)
      setAnchor({ top: rect.bottom + 4, left: Math.max(8, Math.min(rect.right - POPUP_WIDTH, window.innerWidth - POPUP_WIDTH - 8)) });
    setOpen(true);
    setChosen(null);
    setFilter('');
    setActive(0);
  };
  useCommands(
    useMemo(
      () => [
        {
          id: 'studio.insertField',
          title: 'Insert field…',
          group: 'Editor',
          shortcut: INSERT_FIELD_SHORTCUT,
          keywords: ['token', 'personalise', 'merge tag'],
          run: show,
        },
      ],
      [],
    ),
  );
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyI') {
        event.preventDefault();
        show();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const needle = filter.trim().toLowerCase();
  // Customer data only: the app's own tokens (variant, unsubscribe link) are offered by completion.
  const fields = catalog.tokens.filter((token) => ['field', 'custom', 'dictionary'].includes(token.kind) && matches(token, needle));
  const scores = catalog.tokens.filter((token) => token.kind === 'score' && matches(token, needle));
  const shown = [...fields, ...scores];
  const current = Math.min(active, Math.max(0, shown.length - 1));

  useEffect(() => {
    listRef.current?.querySelector('[data-active="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const choose = (token: TokenInfo) => {
    setChosen(token);
    setFallback(suggestedFallback(token));
  };
  const insert = (token: TokenInfo, withFallback: string) => {
    close();
    onPick(fieldToken(token.name, withFallback));
  };

  const onListKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + shown.length) % Math.max(1, shown.length));
    } else if (event.key === 'Home' && event.ctrlKey) {
      setActive(0);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const token = shown[current];
      if (token) choose(token);
    }
  };

  const item = (token: TokenInfo, index: number) => (
    <button
      key={token.name}
      id={`insert-field-${index}`}
      className="item"
      role="menuitem"
      data-active={index === current}
      style={index === current ? { background: 'var(--bg)', outline: '1px solid var(--border)' } : undefined}
      onMouseEnter={() => setActive(index)}
      onClick={() => choose(token)}
    >
      <span>
        {token.label} <span className="mono muted">{`{{ ${token.name} }}`}</span>
      </span>
      <small className="muted">{tokenDetail(token)}</small>
    </button>
  );

  return (
    <div ref={ref} style={{ position: 'relative' }}>
      <button
        ref={buttonRef}
        className="btn btn-sm"
        aria-haspopup="menu"
        aria-expanded={open}
        title={`Insert a token at the cursor (${INSERT_FIELD_SHORTCUT})`}
        onClick={() => (open ? close() : show())}
      >
        Insert field ▾
      </button>
      {open && chosen === null && (
        <div
          className="menu"
          role="menu"
          aria-label="Fields"
          style={{ position: 'fixed', ...anchor, right: 'auto', width: POPUP_WIDTH, maxHeight: 440, overflow: 'auto' }}
          ref={listRef}
        >
          <input
            className="input"
            autoFocus
            placeholder="Filter fields… (↑↓ to move, Enter to pick)"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value);
              setActive(0);
            }}
            onKeyDown={onListKey}
            aria-label="Filter fields"
            aria-activedescendant={shown.length > 0 ? `insert-field-${current}` : undefined}
            style={{ width: '100%', marginBottom: 4 }}
          />
          {fields.map((token, index) => item(token, index))}
          {scores.length > 0 && (
            <div className="section" role="presentation">
              Scores
            </div>
          )}
          {scores.map((token, index) => item(token, fields.length + index))}
          {shown.length === 0 && (
            <div className="muted" style={{ padding: 8 }}>
              No field matches.
            </div>
          )}
        </div>
      )}
      {open && chosen !== null && (
        <form
          className="menu"
          role="dialog"
          aria-label={`Fallback for ${chosen.name}`}
          style={{ position: 'fixed', ...anchor, right: 'auto', width: POPUP_WIDTH }}
          onSubmit={(event) => {
            event.preventDefault();
            insert(chosen, fallback);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              setChosen(null);
            }
          }}
        >
          <div style={{ padding: '4px 6px', display: 'grid', gap: 6 }}>
            <b className="mono">{chosen.name}</b>
            <small className="muted">
              {chosen.fillRate === null
                ? chosen.note
                : chosen.fillRate >= 1
                  ? 'Every customer has a value today; a fallback keeps the email right for new ones.'
                  : `${describeFill(chosen)}: customers without a value see the fallback.`}
            </small>
            <label style={{ display: 'grid', gap: 4 }}>
              Fallback
              <input className="input" autoFocus aria-label="Fallback" value={fallback} onChange={(e) => setFallback(e.target.value)} />
            </label>
            <code className="mono muted" data-testid="insert-field-preview">
              {fieldToken(chosen.name, fallback)}
            </code>
            <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
              <button type="button" className="btn btn-sm" onClick={() => setChosen(null)}>
                Back
              </button>
              <button type="button" className="btn btn-sm" onClick={() => insert(chosen, '')}>
                Without fallback
              </button>
              <button type="submit" className="btn btn-primary btn-sm">
                Insert
              </button>
            </div>
          </div>
        </form>
      )}
    </div>
  );
}

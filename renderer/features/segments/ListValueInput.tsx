import { useState, type KeyboardEvent } from 'react';

interface Props {
  values: readonly string[];
  onChange: (values: string[]) => void;
  label: string;
  placeholder?: string;
  invalid: boolean;
  describedBy?: string;
}

/** A list of values as chips: Enter or a comma adds what was typed (a pasted "a, b, c" adds three), Backspace on an empty box removes the last. */
export function ListValueInput({ values, onChange, label, placeholder, invalid, describedBy }: Props) {
  const [typing, setTyping] = useState('');
  const add = (text: string) => {
    const items = text
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '' && !values.includes(item));
    if (items.length > 0) onChange([...values, ...items]);
    setTyping('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(typing);
    } else if (event.key === 'Backspace' && typing === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div className={`chips input${invalid ? ' input-invalid' : ''}`}>
      {values.map((value) => (
        <span key={value} className="chip">
          {value}
          <button type="button" onClick={() => onChange(values.filter((v) => v !== value))} aria-label={`Remove ${value} from ${label}`}>
            ×
          </button>
        </span>
      ))}
      <input
        value={typing}
        onChange={(e) => (e.target.value.includes(',') ? add(e.target.value) : setTyping(e.target.value))}
        onKeyDown={onKeyDown}
        onBlur={() => add(typing)}
        placeholder={values.length === 0 ? (placeholder ?? 'Type a value, then Enter') : ''}
        aria-label={label}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      />
    </div>
  );
}

import { describe, expect, it } from 'vitest';
import { unknownFieldNote } from '../../shared/templates/dictionary-field-note';

describe('unknownFieldNote', () => {
  const known = ['first_name', 'signup_date', 'rfm_tier'];

  it('says what customers get when the field does not exist', () => {
    expect(unknownFieldNote({ field: 'no_such_field', fallback: 'Member' }, known)).toMatch(
      /^No field named "no_such_field" in this workspace: every customer gets the fallback "Member"\./,
    );
    expect(unknownFieldNote({ field: 'frist_name', fallback: null }, known)).toContain('every customer gets nothing');
  });

  it('is quiet for known fields, paths, blanks and while the field list loads', () => {
    expect(unknownFieldNote({ field: 'first_name', fallback: null }, known)).toBeNull();
    expect(unknownFieldNote({ field: ' rfm_tier ', fallback: null }, known)).toBeNull();
    expect(unknownFieldNote({ field: 'customer.first_name', fallback: null }, known)).toBeNull();
    expect(unknownFieldNote({ field: '', fallback: null }, known)).toBeNull();
    expect(unknownFieldNote({ field: 'no_such_field', fallback: null }, null)).toBeNull();
  });
});

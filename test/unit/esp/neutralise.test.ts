import { describe, expect, it } from 'vitest';
import { isFormulaLike, neutraliseCell } from '../../../shared/esp/audience/neutralise';

describe('CSV injection (OWASP): cells a spreadsheet would run', () => {
  it.each(['=1+1', '=HYPERLINK("http://x")', '+cmd', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '-', '+'])(
    '%j gets a leading apostrophe',
    (value) => {
      expect(neutraliseCell(value)).toBe(`'${value}`);
      expect(isFormulaLike(value)).toBe(true);
    },
  );

  it.each(['Ada', '', "'=already text", ' =1', '12', '-12.5', '+4415550100', '-3,5', 'a=b'])('%j stays as it is', (value) => {
    expect(neutraliseCell(value)).toBe(value);
    expect(isFormulaLike(value)).toBe(false);
  });
});

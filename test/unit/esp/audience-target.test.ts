import { describe, expect, it } from 'vitest';
import { audienceTargetProblem, partialFileFor } from '../../../electron/services/esp/audience-target';

describe('where an audience CSV may be written', () => {
  const workspace = '/home/ada/shop.tailor';
  const check = (target: string, existing: 'none' | 'file' | 'directory' = 'none', replace = false) =>
    audienceTargetProblem({ target, workspace, existing, replace });

  it('a new .csv file anywhere is fine', () => {
    expect(check('/home/ada/exports/vip-braze.csv')).toBeNull();
  });

  it('never the workspace, another workspace file or a folder, even when asked to replace', () => {
    expect(check('/home/ada/shop.tailor', 'file', true)?.message).toMatch(/is the workspace/);
    expect(check('/home/ada/exports/../shop.tailor', 'file', true)?.message).toMatch(/is the workspace/);
    expect(check('/home/ada/other.TAILOR', 'file', true)?.message).toMatch(/Tailor workspace file/);
    expect(check('/home/ada/exports', 'directory', true)?.message).toMatch(/is a folder/);
  });

  it('an existing file only when the user said to replace it (a conflict the dialog turns into "Replace it")', () => {
    expect(check('/home/ada/vip.csv', 'file')).toEqual({ message: expect.stringMatching(/already exists/) as unknown, exists: true });
    expect(check('/home/ada/vip.csv', 'file', true)).toBeNull();
  });

  it('a relative path is refused: the host, not the window, decides what it is relative to', () => {
    expect(check('vip.csv')?.message).toMatch(/full path/);
  });

  it('rows go to a hidden partial file in the same folder, so the final rename never crosses file systems', () => {
    expect(partialFileFor('/home/ada/exports/vip.csv', 'abc')).toBe('/home/ada/exports/.vip.csv.abc.partial');
  });
});

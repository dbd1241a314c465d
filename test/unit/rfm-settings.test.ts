import { describe, expect, it } from 'vitest';
import { readRfmSettings, saveRfmSettings } from '../../electron/workspace/scores/rfm/rfm-settings-repo';
import { DEFAULT_RFM_SETTINGS } from '../../shared/scores/rfm/default-tiers';
import { useWorkspaceDb } from '../support/workspace-db';

describe('RFM settings per workspace', () => {
  const ws = useWorkspaceDb();

  it("are the package's defaults until saved, then what was saved", () => {
    expect(readRfmSettings(ws.db)).toEqual(DEFAULT_RFM_SETTINGS);
    const settings = { ...DEFAULT_RFM_SETTINGS, method: 'quantile' as const, tiers: DEFAULT_RFM_SETTINGS.tiers.slice(0, 2) };
    expect(saveRfmSettings(ws.db, settings)).toEqual(settings);
    expect(readRfmSettings(ws.db)).toEqual(settings);
  });

  it('read as the defaults when what is stored cannot be read (a newer Tailor, a hand edit)', () => {
    ws.db
      .prepare(`INSERT INTO score_settings (model, settings, updated_at) VALUES ('rfm', ?, 'x')`)
      .run(JSON.stringify({ method: 'kmeans', tiers: [] }));
    expect(readRfmSettings(ws.db)).toEqual(DEFAULT_RFM_SETTINGS);
  });
});

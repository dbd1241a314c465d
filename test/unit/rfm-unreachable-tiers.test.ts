import { describe, expect, it } from 'vitest';
import { PACKAGE_TIERS } from '../../shared/scores/rfm/default-tiers';
import { unreachableTiers } from '../../shared/scores/rfm/unreachable-tiers';
import { insertOrders } from '../support/rfm-workspace';
import { cli } from '../support/cli-runner';
import { cliWorkspace } from '../support/cli-workspace';

/**
 * The default tier table is written for five bins ("Champions": R, F and M
 * all 5). Scored with three bins (the Bins setting, or `--bins 3`), no score
 * is above 3, so Champions and five other tiers silently held nobody and the
 * best customers were called "Potential Loyalist". Such rules are now named
 * with the reason, in the studio and the CLI.
 */
describe('tier rules that no score can reach', () => {
  it('are the rules needing a score above a measure’s bins', () => {
    const bins = { recency: 3, frequency: 3, monetary: 3 };
    const found = unreachableTiers({ bins, tiers: PACKAGE_TIERS });
    expect(found.map((tier) => tier.name)).toEqual(['Champions', 'New Customers', "Can't Lose Them", 'At Risk']);
    expect(found[0]?.message).toBe('“Champions” can hold no one: it needs a recency score of 5 or more, and recency has 3 bins.');
    expect(unreachableTiers({ bins: { recency: 5, frequency: 5, monetary: 5 }, tiers: PACKAGE_TIERS })).toEqual([]);
    expect(unreachableTiers({ bins: { recency: 5, frequency: 4, monetary: 5 }, tiers: PACKAGE_TIERS }).map((t) => t.name)).toEqual([
      'Champions',
    ]);
  });

  it('are named by `tailor score rfm --bins 3`', async () => {
    const { file: workspace } = await cliWorkspace((db) =>
      insertOrders(
        db,
        [1, 2, 3, 4, 5, 6].map((n) => ({ customerId: `C${n}`, orderedAt: `2026-0${n}-10`, amount: 10 * n })),
      ),
    );
    const result = await cli(['score', workspace, 'rfm', '--as-of', '2026-07-31', '--bins', '3']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('“Champions” can hold no one: it needs a recency score of 5 or more, and recency has 3 bins.');
    const five = await cli(['score', workspace, 'rfm', '--as-of', '2026-07-31']);
    expect(five.stderr).not.toContain('can hold no one');
  });
});

import type { RfmSummary } from '../../../shared/scores/rfm/summary';
import { formatMoney, formatShare, formatWhole } from './format';

/** The package's segment summary: customers, orders, revenue and average order value per tier. */
export function TierTable({ summary }: { summary: RfmSummary }) {
  return (
    <table className="table rfm-tier-table" aria-label="Tiers">
      <thead>
        <tr>
          <th>Tier</th>
          <th className="rfm-num">Customers</th>
          <th className="rfm-num">Share</th>
          <th className="rfm-num">Orders</th>
          <th className="rfm-num">Revenue</th>
          <th className="rfm-num">Avg order value</th>
        </tr>
      </thead>
      <tbody>
        {summary.tiers.map((row) => (
          <tr key={row.tier} className={row.customers === 0 ? 'rfm-empty-tier' : undefined}>
            <td>{row.tier}</td>
            <td className="rfm-num">{formatWhole(row.customers)}</td>
            <td className="rfm-num">{formatShare(row.customers, summary.customers)}</td>
            <td className="rfm-num">{formatWhole(row.orders)}</td>
            <td className="rfm-num">{formatMoney(row.revenue)}</td>
            <td className="rfm-num">{formatMoney(row.averageOrderValue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

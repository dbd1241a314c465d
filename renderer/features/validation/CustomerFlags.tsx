import { useApi } from '../../api/queries';

/** The validation flags a customer carries from its last import, each with its suggestion when there is one. */
export function CustomerFlags({ customerId }: { customerId: string }) {
  const flags = useApi('customers.flags', { customerId });
  if (!flags.data || flags.data.length === 0) return null;
  return (
    <div className="alert alert-warning" role="status" data-testid="customer-flags" style={{ marginBottom: 12 }}>
      <b>Flagged on import</b>
      <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
        {flags.data.map((flag, index) => (
          <li key={index}>
            {flag.label}: {flag.message}
            {flag.suggestion !== null && (
              <>
                {' '}
                Suggestion: <span className="mono">{flag.suggestion}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

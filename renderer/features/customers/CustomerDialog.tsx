import type { Customer, FieldInfo } from '../../../shared/contract/schemas';
import { displayName } from '../../../shared/templates/customer-context';
import { Dialog } from '../../ui/Dialog';
import { CustomerFlags } from '../validation/CustomerFlags';
import { CustomerScores } from './CustomerScores';
import { PreviewAsCustomer } from '../personas/PreviewAsCustomer';
import { fieldText } from './field-value';

interface Props {
  customer: Customer;
  fields: FieldInfo[];
  onClose: () => void;
}

/** Every value one customer has, under the token names a template uses, and a shortcut to preview as them. */
export function CustomerDialog({ customer, fields, onClose }: Props) {
  const name = displayName(customer);
  const value = (field: FieldInfo): string | null => fieldText(customer, field.key);

  return (
    <Dialog
      title={name}
      description={`Customer ${customer.id}`}
      onClose={onClose}
      footer={
        <>
          <button className="btn" onClick={onClose}>
            Close
          </button>
          <PreviewAsCustomer customer={customer} onDone={onClose} />
        </>
      }
    >
      <CustomerFlags customerId={customer.id} />
      <CustomerScores customerId={customer.id} />
      <table className="table" aria-label="Customer fields">
        <thead>
          <tr>
            <th>Field</th>
            <th>Token</th>
            <th>Value</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => {
            const v = value(field);
            return (
              <tr key={field.key}>
                <td>{field.label}</td>
                <td className="mono">{`{{ ${field.alias} }}`}</td>
                <td style={{ whiteSpace: 'normal' }}>{v ? v : <span className="muted">empty: a default filter applies</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Dialog>
  );
}

import type { AuditRowRef, AuditTable } from './report';

/** Who a value belongs to: the row's own id and its customer (null for an order or event still waiting for one). */
export interface RowIdentity {
  rowId: string;
  customerId: string | null;
}

/** The rows of one finding: every one counted, the first `cap` kept so the report stays small. */
export class FindingRows {
  count = 0;
  readonly rows: AuditRowRef[] = [];

  constructor(
    private readonly table: AuditTable,
    private readonly cap: number,
  ) {}

  add(row: RowIdentity, value: string): void {
    this.count++;
    if (this.rows.length < this.cap) this.rows.push({ table: this.table, rowId: row.rowId, customerId: row.customerId, value });
  }
}

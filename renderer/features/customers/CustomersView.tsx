import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Customer, FieldInfo } from '../../../shared/contract/schemas';
import { useApi } from '../../api/queries';
import { api } from '../../api/transport';
import { formatCount } from '../../ui/format';
import { ImportDialog } from '../imports/ImportDialog';
import { useFileDrop } from '../imports/use-file-drop';
import { RuleEditor } from '../segments/RuleEditor';
import { ColumnChooser } from './ColumnChooser';
import { CustomerDialog } from './CustomerDialog';
import { FieldTypeDialog } from './FieldTypeDialog';
import { shownValue } from './field-value';
import { emptyGridFilter, isFiltered, listInput, viewKeyOf, type GridFilter } from './grid-filter';
import { NAME_COLUMN, useGridColumns } from './grid-columns';
import { gridLayout } from './grid-layout';

const PAGE = 200;
const ROW_HEIGHT = 34;

/**
 * Every customer in the workspace, virtualised: only visible rows are in the
 * DOM and pages of 200 are fetched as they scroll into view, so a million rows
 * scroll like a hundred. Sorting and filtering happen on the server, by type
 * (customers.list); values show by type; the columns are the user's choice.
 */
export function CustomersView() {
  const [filter, setFilter] = useState<GridFilter>(emptyGridFilter);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const [typing, setTyping] = useState<FieldInfo | null>(null);
  const [importing, setImporting] = useState(false);
  // A CSV dropped anywhere on the view opens the import wizard with it.
  const [dropped, setDropped] = useState<File | undefined>(undefined);
  const { dropProps } = useFileDrop((file) => {
    setDropped(file);
    setImporting(true);
  });
  const [opened, setOpened] = useState<Customer | null>(null);
  const deferred = useDeferredValue(filter);
  const workspace = useApi('workspace.current', {});
  const fields = useApi('customers.fields', {});
  const segments = useApi('segments.list', {});
  const first = useApi('customers.list', listInput(deferred, 0, PAGE));
  const queryClient = useQueryClient();
  const fieldList = useMemo(() => fields.data ?? [], [fields.data]);
  const { columns, choose, reset } = useGridColumns(workspace.data?.path ?? '', fieldList);
  // Pages belong to one view: a filter, a sort and a data version. A new view starts empty, and
  // replies for an older view are dropped, so stale rows never show under a new filter.
  const viewKey = `${viewKeyOf(deferred)}\u0000${first.dataUpdatedAt}`;
  const latestView = useRef(viewKey);
  const [loaded, setLoaded] = useState<{ key: string; pages: Map<number, Customer[]> }>({ key: '', pages: new Map() });
  const loading = useRef(new Set<string>());
  const pages = useMemo(() => {
    const base = loaded.key === viewKey ? loaded.pages : new Map<number, Customer[]>();
    return first.data ? new Map(base).set(0, first.data.rows) : base;
  }, [loaded, viewKey, first.data]);
  const scroller = useRef<HTMLDivElement>(null);

  const byKey = useMemo(() => new Map(fieldList.map((f) => [f.key, f])), [fieldList]);
  const { template, minWidth } = gridLayout(columns);
  const total = first.data?.total ?? 0;
  const filtered = isFiltered(filter);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    latestView.current = viewKey;
    const needed = new Set(items.map((item) => Math.floor(item.index / PAGE)));
    for (const page of needed) {
      const tag = `${viewKey}#${page}`;
      if (pages.has(page) || loading.current.has(tag)) continue;
      loading.current.add(tag);
      const input = listInput(deferred, page * PAGE, PAGE);
      void queryClient
        .fetchQuery({ queryKey: ['customers.list', input], queryFn: () => api.call('customers.list', input) })
        .then((result) =>
          setLoaded((current) => {
            if (latestView.current !== viewKey) return current;
            const kept = current.key === viewKey ? current.pages : new Map<number, Customer[]>();
            return { key: viewKey, pages: new Map(kept).set(page, result.rows) };
          }),
        )
        .finally(() => loading.current.delete(tag));
    }
  }, [items, pages, queryClient, deferred, viewKey]);

  const toggleSort = (field: string) =>
    setFilter((current) => {
      const sort =
        current.sort?.field !== field
          ? { field, direction: 'asc' as const }
          : current.sort.direction === 'asc'
            ? { field, direction: 'desc' as const }
            : undefined;
      return { ...current, sort };
    });
  const sortField = (key: string) => (key === NAME_COLUMN ? 'last_name' : key);
  const labelOf = (key: string) => (key === NAME_COLUMN ? 'Name' : (byKey.get(key)?.label ?? key));

  return (
    <div className="page drop-target" style={{ height: '100%', display: 'flex', flexDirection: 'column' }} {...dropProps}>
      <div className="page-header">
        <h1>Customers</h1>
        <span className="badge" data-testid="customer-total">
          {formatCount(total)}
        </span>
        <span style={{ flex: 1 }} />
        <input
          className="input"
          placeholder="Search name, email, id, city…"
          value={filter.search}
          onChange={(e) => setFilter((current) => ({ ...current, search: e.target.value }))}
          aria-label="Search customers"
          style={{ width: 260 }}
        />
        <select
          className="select"
          value={filter.segmentId ?? ''}
          onChange={(e) => setFilter((current) => ({ ...current, segmentId: e.target.value ? Number(e.target.value) : undefined }))}
          aria-label="Filter by segment"
        >
          <option value="">All customers</option>
          {(segments.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <label className="muted" style={{ display: 'flex', gap: 6, alignItems: 'center', whiteSpace: 'nowrap' }}>
          <input
            type="checkbox"
            checked={filter.flaggedOnly === true}
            onChange={(e) => setFilter((current) => ({ ...current, flaggedOnly: e.target.checked }))}
            aria-label="Flagged only"
          />
          Flagged only
        </label>
        <button className="btn" onClick={() => setFiltersOpen((open) => !open)} aria-expanded={filtersOpen}>
          Filters{filter.conditions.length ? ` (${filter.conditions.length})` : ''}
        </button>
        <button className="btn" onClick={() => setChoosing(true)}>
          Columns…
        </button>
        <button className="btn btn-primary" onClick={() => setImporting(true)}>
          Import CSV…
        </button>
      </div>
      {filtersOpen && (
        <div className="card" style={{ marginBottom: 8, padding: 12 }} aria-label="Column filters">
          <RuleEditor
            rule={{ match: 'all', conditions: filter.conditions }}
            fields={fieldList}
            onChange={(rule) => setFilter((current) => ({ ...current, conditions: rule.conditions }))}
          />
          {first.error && (
            <div className="error" role="alert">
              {first.error.message}
            </div>
          )}
        </div>
      )}
      <div className="card" style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        {first.data && total === 0 ? (
          <div className="empty">
            <h2>{filtered ? 'No customers match' : 'No customers yet'}</h2>
            {filtered ? 'Try another search, segment or filter.' : 'Import a CSV export from your CRM or ESP to get started.'}
            {!filtered && (
              <button className="btn btn-primary" onClick={() => setImporting(true)}>
                Import CSV…
              </button>
            )}
          </div>
        ) : (
          <div
            className="vtable"
            ref={scroller}
            style={{ flex: 1, height: 'auto' }}
            role="table"
            aria-label="Customers"
            aria-rowcount={total}
          >
            <div className="vhead" style={{ gridTemplateColumns: template, minWidth }} role="row">
              {columns.map((key) => {
                const field = byKey.get(key);
                const sorted = filter.sort?.field === sortField(key) ? filter.sort.direction : null;
                return (
                  <div
                    key={key}
                    role="columnheader"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    style={{
                      display: 'flex',
                      alignItems: 'center',
                      gap: 4,
                      justifyContent: field && isNumeric(field) ? 'flex-end' : undefined,
                    }}
                  >
                    <button
                      className="btn-link"
                      style={{ all: 'unset', cursor: 'pointer', overflow: 'hidden', textOverflow: 'ellipsis' }}
                      onClick={() => toggleSort(sortField(key))}
                      title={field ? `${field.label} (${field.type}): click to sort` : 'Click to sort by last name'}
                    >
                      {labelOf(key)}
                      {sorted && <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : ' ▼'}</span>}
                    </button>
                    {field && (
                      <button
                        className="btn btn-sm btn-ghost"
                        style={{ padding: '0 4px' }}
                        onClick={() => setTyping(field)}
                        aria-label={`Type of ${field.label}`}
                        title={`Type: ${field.type}${field.typeWarning ? ` (${field.typeWarning})` : ''}`}
                      >
                        {TYPE_MARKS[field.type] ?? '⋯'}
                      </button>
                    )}
                  </div>
                );
              })}
            </div>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth }}>
              {items.map((item) => {
                const customer = pages.get(Math.floor(item.index / PAGE))?.[item.index % PAGE];
                return (
                  <div
                    key={item.key}
                    className="vrow"
                    role="row"
                    tabIndex={customer ? 0 : -1}
                    style={{ top: item.start, height: ROW_HEIGHT, gridTemplateColumns: template }}
                    onClick={() => customer && setOpened(customer)}
                    onKeyDown={(e) => e.key === 'Enter' && customer && setOpened(customer)}
                  >
                    {customer ? (
                      columns.map((key) => <Cell key={key} customer={customer} column={key} field={byKey.get(key)} />)
                    ) : (
                      <div className="muted">Loading…</div>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        )}
      </div>
      {importing && (
        <ImportDialog
          initialFile={dropped}
          onClose={() => {
            setImporting(false);
            setDropped(undefined);
          }}
        />
      )}
      {choosing && (
        <ColumnChooser fields={fieldList} columns={columns} onChange={choose} onReset={reset} onClose={() => setChoosing(false)} />
      )}
      {typing && <FieldTypeDialog field={typing} onClose={() => setTyping(null)} />}
      {opened && <CustomerDialog customer={opened} fields={fieldList} onClose={() => setOpened(null)} />}
    </div>
  );
}

/** Short, font-safe marks for a header's type button (emoji render as boxes without a colour font). */
const TYPE_MARKS: Partial<Record<FieldInfo['type'], string>> = {
  text: 'Aa',
  number: '#',
  money: '$',
  date: 'Date',
  'date-time': 'Time',
  boolean: 'Y/N',
  email: '@',
  phone: 'Tel',
  country: 'ISO',
  list: '[ ]',
};

const isNumeric = (field: FieldInfo): boolean => field.type === 'number' || field.type === 'money';

function Cell({ customer, column, field }: { customer: Customer; column: string; field: FieldInfo | undefined }) {
  if (column === NAME_COLUMN) {
    return (
      <div role="cell" data-column={column}>
        {[customer.first_name, customer.last_name].filter(Boolean).join(' ') || <span className="muted">—</span>}
      </div>
    );
  }
  const shown = shownValue(customer, column, field?.type ?? 'text');
  return (
    <div
      role="cell"
      data-column={column}
      className={column === 'id' ? 'mono muted' : undefined}
      style={shown.numeric ? { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } : undefined}
      title={shown.original ?? undefined}
    >
      {shown.text}
    </div>
  );
}

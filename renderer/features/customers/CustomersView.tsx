import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Customer } from '../../../shared/contract/schemas';
import { useApi } from '../../api/queries';
import { api } from '../../api/transport';
import { formatCount } from '../../ui/format';
import { ImportDialog } from '../imports/ImportDialog';
import { useFileDrop } from '../imports/use-file-drop';
import { CustomerDialog } from './CustomerDialog';
import { useFlaggedFilter } from '../validation/flagged-filter';

const PAGE = 200;
const ROW_HEIGHT = 34;

/**
 * Every customer in the workspace, virtualised: only visible rows are in the
 * DOM and pages of 200 are fetched as they scroll into view, so a million rows
 * scroll like a hundred.
 */
export function CustomersView() {
  const [search, setSearch] = useState('');
  const [segmentId, setSegmentId] = useState<number | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  // A CSV dropped anywhere on the view opens the import wizard with it.
  const [dropped, setDropped] = useState<File | undefined>(undefined);
  const { dropProps } = useFileDrop((file) => {
    setDropped(file);
    setImporting(true);
  });
  const [opened, setOpened] = useState<Customer | null>(null);
  const flagged = useFlaggedFilter();
  const flaggedOnly = flagged.only;
  const deferredSearch = useDeferredValue(search);
  const fields = useApi('customers.fields', {});
  const segments = useApi('segments.list', {});
  const first = useApi('customers.list', { offset: 0, limit: PAGE, search: deferredSearch, segmentId, flaggedOnly });
  const queryClient = useQueryClient();
  // Pages belong to one view: a search, a segment and a data version. A new view starts empty, and
  // replies for an older view are dropped, so stale rows never show under a new filter.
  const viewKey = `${deferredSearch}\u0000${segmentId ?? ''}\u0000${flaggedOnly}\u0000${first.dataUpdatedAt}`;
  const latestView = useRef(viewKey);
  const [loaded, setLoaded] = useState<{ key: string; pages: Map<number, Customer[]> }>({ key: '', pages: new Map() });
  const loading = useRef(new Set<string>());
  const pages = useMemo(() => {
    const base = loaded.key === viewKey ? loaded.pages : new Map<number, Customer[]>();
    return first.data ? new Map(base).set(0, first.data.rows) : base;
  }, [loaded, viewKey, first.data]);
  const scroller = useRef<HTMLDivElement>(null);

  const customColumns = useMemo(() => (fields.data ?? []).filter((f) => f.kind === 'custom').slice(0, 5), [fields.data]);
  const columns = ['ID', 'Name', 'Email', 'City', 'Country', ...customColumns.map((c) => c.label)];
  const template = `110px 1.2fr 1.6fr 1fr 80px ${customColumns.map(() => '1fr').join(' ')}`;
  const total = first.data?.total ?? 0;

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
      const input = { offset: page * PAGE, limit: PAGE, search: deferredSearch, segmentId, flaggedOnly };
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
  }, [items, pages, queryClient, deferredSearch, segmentId, flaggedOnly, viewKey]);

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
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          aria-label="Search customers"
          style={{ width: 260 }}
        />
        <select
          className="select"
          value={segmentId ?? ''}
          onChange={(e) => setSegmentId(e.target.value ? Number(e.target.value) : undefined)}
          aria-label="Filter by segment"
        >
          <option value="">All customers</option>
          {(segments.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        {flagged.toggle}
        <button className="btn btn-primary" onClick={() => setImporting(true)}>
          Import CSV…
        </button>
      </div>
      <div className="card" style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        {first.data && total === 0 ? (
          <div className="empty">
            <h2>{search || segmentId || flaggedOnly ? 'No customers match' : 'No customers yet'}</h2>
            {search || segmentId || flaggedOnly
              ? 'Try another search or segment.'
              : 'Import a CSV export from your CRM or ESP to get started.'}
            {!search && !segmentId && !flaggedOnly && (
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
            <div className="vhead" style={{ gridTemplateColumns: template }} role="row">
              {columns.map((column) => (
                <div key={column} role="columnheader">
                  {column}
                </div>
              ))}
            </div>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
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
                      <>
                        <div className="mono muted">{customer.id}</div>
                        <div>{[customer.first_name, customer.last_name].filter(Boolean).join(' ') || <span className="muted">—</span>}</div>
                        <div>{customer.email}</div>
                        <div>{customer.city}</div>
                        <div>{customer.country}</div>
                        {customColumns.map((c) => (
                          <div key={c.key}>{customer.attributes[c.key]}</div>
                        ))}
                      </>
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
      {opened && <CustomerDialog customer={opened} fields={fields.data ?? []} onClose={() => setOpened(null)} />}
    </div>
  );
}

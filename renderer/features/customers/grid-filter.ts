import type { Input } from '../../../shared/contract/contract';
import type { Condition } from '../../../shared/segments/rule';

/**
 * Everything that decides which customers the grid lists and in what order,
 * as one plain object: a view key for paging, and the input of
 * `customers.list`. A further filter (say "flagged only") is one more field
 * here and in `listInput`, and every page, count and view key follows.
 */
export interface GridFilter {
  search: string;
  segmentId?: number;
  /** Only customers an import flagged (validation rules). */
  flaggedOnly?: boolean;
  /** Column filters, all of which must hold; compared by type on the server like segment conditions. */
  conditions: Condition[];
  sort?: { field: string; direction: 'asc' | 'desc' };
}

export const emptyGridFilter = (): GridFilter => ({ search: '', conditions: [] });

/** Conditions still being typed (no value yet) do not filter. */
const complete = (condition: Condition): boolean =>
  condition.op === 'is_empty' || condition.op === 'is_not_empty' || condition.value.trim() !== '';

export function listInput(filter: GridFilter, offset: number, limit: number): Input<'customers.list'> {
  const conditions = filter.conditions.filter(complete);
  return {
    offset,
    limit,
    search: filter.search,
    segmentId: filter.segmentId,
    ...(filter.flaggedOnly ? { flaggedOnly: true } : {}),
    ...(conditions.length ? { filters: conditions } : {}),
    ...(filter.sort ? { sort: filter.sort } : {}),
    // The count scans every match: the first page brings it, later pages of the same listing skip it.
    ...(offset > 0 ? { withTotal: false } : {}),
  };
}

/** One key per distinct listing; pages fetched for another key are dropped. */
export const viewKeyOf = (filter: GridFilter): string => JSON.stringify(listInput(filter, 0, 0));

export const isFiltered = (filter: GridFilter): boolean =>
  filter.search.trim() !== '' || filter.segmentId !== undefined || filter.flaggedOnly === true || filter.conditions.some(complete);

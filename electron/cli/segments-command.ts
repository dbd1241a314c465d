import { InvalidArgumentError } from 'commander';
import { ContractError } from '../../shared/contract/envelope';
import type { Customer, Segment } from '../../shared/contract/schemas';
import { openWorkspace, withApp } from './commands';
import { EXIT, type Output } from './io';

export function parseLimit(value: string): number {
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > 1000) throw new InvalidArgumentError('Give a number of members from 1 to 1000.');
  return limit;
}

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** Every segment with its kind and member count: a table, or with --json a list of {id, name, kind, count, …}. */
export async function segmentsCommand(out: Output, workspace: string): Promise<number> {
  return withApp(out, async (client) => {
    await openWorkspace(client, workspace);
    const segments = await client.call('segments.list', {});
    if (out.json) {
      out.document(
        segments.map(({ id, name, kind, count, asOf, refreshedAt, previousCount, problem }) => ({
          id,
          name,
          kind,
          count,
          asOf,
          refreshedAt,
          previousCount,
          problem,
        })),
      );
      return EXIT.ok;
    }
    if (segments.length === 0) {
      out.line('No segments yet. Build one in the studio.');
      return EXIT.ok;
    }
    const width = Math.max(...segments.map((segment) => segment.name.length));
    for (const segment of segments) {
      const extra = segment.problem ?? (segment.asOf ? `as of ${segment.asOf}` : '');
      out.line(
        `${segment.name.padEnd(width)}  ${segment.kind.padEnd(7)}  ${plural(segment.count, 'customer').padStart(18)}  ${extra}`.trimEnd(),
      );
    }
    return EXIT.ok;
  });
}

export function findSegment(segments: Segment[], nameOrId: string): Segment {
  const wanted = nameOrId.trim().toLowerCase();
  const found =
    segments.find((segment) => segment.name.toLowerCase() === wanted) ?? segments.find((segment) => String(segment.id) === wanted);
  if (found) return found;
  const names = segments.map((segment) => `"${segment.name}"`).join(', ');
  throw new ContractError(
    'not_found',
    `No segment named "${nameOrId}". ${names ? `The workspace has ${names}.` : 'The workspace has no segments.'}`,
  );
}

const memberLine = (customer: Customer): string =>
  [customer.id, customer.email ?? '', [customer.first_name, customer.last_name].filter(Boolean).join(' ')].join('\t').trimEnd();

/**
 * One segment: its kind and count, and with --members its first members (a
 * static segment's snapshot, a dynamic one's rule at --as-of, else its own
 * as-of date, else today).
 */
export async function segmentCommand(
  out: Output,
  workspace: string,
  nameOrId: string,
  opts: { members?: boolean; limit?: number; asOf?: string },
): Promise<number> {
  return withApp(out, async (client) => {
    await openWorkspace(client, workspace);
    const segment = findSegment(await client.call('segments.list', {}), nameOrId);
    if (segment.problem !== null) throw new ContractError('invalid_input', segment.problem);
    const page = await client.call('customers.list', {
      segmentId: segment.id,
      asOf: opts.asOf ?? null,
      limit: opts.members ? (opts.limit ?? 100) : 1,
    });
    const count = page.total ?? 0;
    const asOf = segment.kind === 'static' ? null : (opts.asOf ?? segment.asOf);
    if (out.json) {
      out.document({
        id: segment.id,
        name: segment.name,
        kind: segment.kind,
        count,
        asOf,
        refreshedAt: segment.refreshedAt,
        ...(opts.members
          ? { members: page.rows.map(({ id, email, first_name, last_name }) => ({ id, email, first_name, last_name })) }
          : {}),
      });
      return EXIT.ok;
    }
    const when = segment.kind === 'static' ? `snapshot of ${segment.refreshedAt?.slice(0, 10) ?? 'never'}` : `as of ${asOf ?? 'today'}`;
    out.line(`${segment.name} (${segment.kind}, ${when}): ${plural(count, 'customer')}`);
    if (opts.members) {
      out.lines(page.rows.map(memberLine));
      if (count > page.rows.length) out.line(`… and ${plural(count - page.rows.length, 'more customer')} (--limit to see more)`);
    }
    return EXIT.ok;
  });
}

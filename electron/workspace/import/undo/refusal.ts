/**
 * Whether an import may be undone, decided from facts gathered beforehand:
 * a pure function, so every refusal is unit-tested without a workspace.
 *
 * Only the last import that changed anything can be undone (and, once it is,
 * the one before it): undoing an earlier one would restore values a later
 * import has already replaced. A later change that depends on the import
 * refuses too: a row it wrote that has changed or gone since (a merge, an
 * edit), or a persona showing a customer it created.
 */

export interface UndoFacts {
  importId: number;
  file: string;
  /** customers, orders or events. */
  noun: string;
  status: string;
  undoneAt: string | null;
  /** When the import recorded what undo needs; null for imports made before undo existed. */
  stamp: string | null;
  /** Rows the import wrote, and how many of them are still as it left them. */
  touched: number;
  unchanged: number;
  /** A later import that changed something and is not undone. */
  later: { importId: number; file: string } | null;
  /** An import still running. */
  running: boolean;
  /** Personas showing a customer the import created. */
  personas: readonly string[];
  /** Merges (not undone) of a customer the import wrote: undoing them first lets the import be undone. */
  merges?: readonly number[];
}

export function undoRefusal(facts: UndoFacts): string | null {
  const name = `Import #${facts.importId} (${facts.file})`;
  if (facts.undoneAt !== null) return `${name} was already undone.`;
  if (facts.status !== 'succeeded')
    return `${name} ${facts.status === 'running' ? 'is still running' : `ended ${facts.status}`}; it changed nothing to undo.`;
  if (facts.running) return `An import is running; wait for it to finish, then undo.`;
  if (facts.later !== null)
    return `Only the last import can be undone, and import #${facts.later.importId} (${facts.later.file}) came after ${name}. Undo that one first.`;
  if (facts.stamp === null) return `${name} was made by an older version of Tailor, which did not keep what undo needs.`;
  if (facts.unchanged !== facts.touched) {
    const changed = facts.touched - facts.unchanged;
    return (
      `${name} cannot be undone: ${changed.toLocaleString('en-US')} of the ${facts.touched.toLocaleString('en-US')} ${facts.noun} it wrote ` +
      `changed or were removed since (merged, edited or deleted), and undoing it would lose that change.` +
      mergesHint(facts.merges ?? [])
    );
  }
  if (facts.personas.length > 0) {
    const list = facts.personas.map((label) => `"${label}"`).join(', ');
    return `${name} cannot be undone: persona ${list} shows a customer it created. Point the persona at another customer or delete it, then undo.`;
  }
  return null;
}

function mergesHint(merges: readonly number[]): string {
  if (merges.length === 0) return '';
  const list = merges.map((id) => `#${id}`).join(', ');
  return ` Undo merge${merges.length === 1 ? '' : 's'} ${list} in the Duplicates view (Recent merges) first, then undo this import.`;
}

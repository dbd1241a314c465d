import { createLiquid } from './liquid-engine';
import { partialReferences } from './partials';

// Parsing only: partial names are read from the tree, never loaded.
const liquid = createLiquid({ partials: () => '' });

function referencedNames(source: string): string[] {
  try {
    return [...new Set(partialReferences(liquid.parse(source)).map((reference) => reference.name))];
  } catch {
    // A partial Liquid cannot parse renders nothing else; its own error shows where it is used.
    return [];
  }
}

/**
 * The chain by which partial `start` would render itself among `partials`
 * (name → source), as names from `start` back to `start`, or null. A partial
 * that reaches itself recurses until the render stack overflows, so it is
 * refused when saved rather than failing every email that uses it.
 */
export function partialCycle(partials: Readonly<Record<string, string>>, start: string): string[] | null {
  const edges = new Map<string, string[]>();
  const namesIn = (name: string): string[] => {
    let names = edges.get(name);
    if (!names) {
      const source = partials[name];
      names = source === undefined ? [] : referencedNames(source);
      edges.set(name, names);
    }
    return names;
  };
  const done = new Set<string>();
  const path: string[] = [start];
  const visit = (name: string): string[] | null => {
    for (const next of namesIn(name)) {
      if (next === start) return [...path, start];
      if (done.has(next) || path.includes(next)) continue;
      path.push(next);
      const found = visit(next);
      if (found) return found;
      path.pop();
      done.add(next);
    }
    return null;
  };
  return visit(start);
}

/** Union-find over indices with path halving and union by size. */
export class DisjointSets {
  readonly #parent: Int32Array;
  readonly #size: Int32Array;

  constructor(count: number) {
    this.#parent = new Int32Array(count).map((_, i) => i);
    this.#size = new Int32Array(count).fill(1);
  }

  find(x: number): number {
    const parent = this.#parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  }

  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.#size[ra]! < this.#size[rb]!) [ra, rb] = [rb, ra];
    this.#parent[rb] = ra;
    this.#size[ra]! += this.#size[rb]!;
  }
}

/** Groups of two or more indices linked by the given pairs (transitively), each sorted, largest groups first. */
export function clusterPairs(count: number, pairs: Iterable<readonly [number, number]>): number[][] {
  const sets = new DisjointSets(count);
  for (const [a, b] of pairs) sets.union(a, b);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const root = sets.find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()].filter((g) => g.length > 1).sort((x, y) => y.length - x.length || x[0]! - y[0]!);
}

/** Clusters of ids linked by scored pairs (transitively), each with its linking pairs best first; largest clusters first. */
export function clusterById<P extends { a: string; b: string; score: number }>(pairs: readonly P[]): { ids: string[]; pairs: P[] }[] {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const indexOf = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.push(id) - 1;
      index.set(id, i);
    }
    return i;
  };
  const linked = pairs.map((p) => [indexOf(p.a), indexOf(p.b)] as const);
  const clusters = clusterPairs(ids.length, linked).map((members) => ({ ids: members.map((i) => ids[i]!).sort(), pairs: [] as P[] }));
  const clusterOf = new Map<string, { ids: string[]; pairs: P[] }>();
  for (const cluster of clusters) for (const id of cluster.ids) clusterOf.set(id, cluster);
  for (const pair of [...pairs].sort((x, y) => y.score - x.score)) clusterOf.get(pair.a)?.pairs.push(pair);
  return clusters;
}

import { type FS, toValueSync, type Template, type Token } from 'liquidjs';

/**
 * Where `{% include %}`, `{% render %}` and `{% layout %}` find their
 * partials. Templates are shared between people, so a partial is looked up by
 * name among the partials stored in the workspace and never as a path: this
 * is the only way Liquid can reach content outside the template itself.
 * Returns the partial's source, or undefined when there is none by that name.
 */
export type PartialLookup = (name: string) => string | undefined;

/** Until workspaces store partials, no name resolves. */
export const NO_PARTIALS: PartialLookup = () => undefined;

export const partialsFromMap =
  (partials: ReadonlyMap<string, string>): PartialLookup =>
  (name) =>
    partials.get(name);

/**
 * With `dynamicPartials: false` the name is the tag's text as written, so
 * `{% render 'footer' %}` (Shopify style) and `{% include footer %}` both
 * mean the partial named `footer`.
 */
export function partialName(written: string): string {
  const name = written.trim();
  const quoted = /^(["'])(.*)\1$/s.exec(name);
  return quoted ? (quoted[2] ?? '') : name;
}

export class PartialNotFoundError extends Error {
  constructor(readonly partial: string) {
    super(`no partial named "${partial}": include, render and layout only use partials saved in this workspace`);
    this.name = 'PartialNotFoundError';
  }
}

/**
 * A liquidjs file system over a lookup, so liquidjs never falls back to the
 * real one. Names are keys, not paths: `resolve` ignores the search
 * directories, and `..` or a leading `/` mean nothing. Every name "exists"
 * so that a miss reaches `readFile`, whose error names the partial; liquidjs'
 * own lookup error would name its search directories instead.
 */
export function partialFileSystem(lookup: PartialLookup): FS {
  const read = (name: string): string => {
    const source = lookup(name);
    if (source === undefined) throw new PartialNotFoundError(name);
    return source;
  };
  return {
    exists: () => Promise.resolve(true),
    existsSync: () => true,
    readFile: (name) => Promise.resolve().then(() => read(name)),
    readFileSync: read,
    resolve: (_dir, file) => partialName(file),
    contains: () => Promise.resolve(true),
    containsSync: () => true,
  };
}

export interface PartialReference {
  name: string;
  token: Token;
}

/**
 * Every include / render / layout whose partial is named in the source (not
 * computed by Liquid at render time), with its tag's token for the line.
 * Walks the parsed tree without loading partials, so it never reads anything.
 */
export function partialReferences(templates: readonly Template[]): PartialReference[] {
  const found: PartialReference[] = [];
  const visit = (template: Template) => {
    const scope = template.partialScope?.();
    if (scope) found.push({ name: partialName(scope.name), token: template.token });
    if (template.children) for (const child of toValueSync(template.children(false, true))) visit(child);
  };
  templates.forEach(visit);
  return found;
}

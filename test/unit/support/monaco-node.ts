/**
 * The real Monaco editor API under vitest's Node environment. Monaco's ESM
 * build touches the DOM while loading (custom elements, `window`, observers)
 * but its text models, markers and language enums need none of it, so a
 * few inert stand-ins are enough to create real `ITextModel`s in unit tests.
 */
import type * as MonacoApi from 'monaco-editor/editor/editor.api.js';

type Api = typeof MonacoApi;

function inert(): unknown {
  const fn = function () {};
  return new Proxy(fn, {
    get: (_target, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : key === 'length' ? 0 : inert()),
    apply: () => inert(),
    construct: () => inert() as object,
    set: () => true,
  });
}

let loaded: Promise<Api> | null = null;

export function loadMonaco(): Promise<Api> {
  if (loaded) return loaded;
  const g = globalThis as Record<string, unknown>;
  const observer = class {
    observe() {}
    disconnect() {}
  };
  Object.assign(g, {
    window: globalThis,
    self: globalThis,
    document: inert(),
    customElements: { get: () => undefined, define: () => undefined },
    MutationObserver: observer,
    ResizeObserver: observer,
    HTMLElement: class {},
    Element: class {},
    Node: class {},
    matchMedia: () => ({ matches: false, addEventListener() {}, removeEventListener() {}, addListener() {} }),
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    requestAnimationFrame: (callback: () => void) => setTimeout(callback, 0),
    location: { href: 'http://localhost/', origin: 'http://localhost' },
  });
  g.navigator ??= { userAgent: 'node' };
  loaded = import('monaco-editor/editor/editor.api.js');
  return loaded;
}

import path from 'node:path';
import vm from 'node:vm';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, ipcChannel } from '../../shared/contract/methods';

/*
 * Bundles the real preload in memory (same config as `npm run build:preload`,
 * nothing written) and runs it in a VM whose only module is a stand-in for
 * 'electron', recording what it exposes to the page. This is how a sandboxed
 * preload runs too: 'electron' is the one thing it may require.
 */

const repoRoot = path.resolve(__dirname, '..', '..');

type Listener = (event: unknown, payload: unknown) => void;

interface Harness {
  code: string;
  exposed: Map<string, unknown>;
  invocations: Array<{ channel: string; args: unknown[] }>;
  listeners: Map<string, Set<Listener>>;
}

async function bundlePreload(): Promise<string> {
  const result = await build({
    configFile: path.join(repoRoot, 'vite.preload.config.ts'),
    logLevel: 'silent',
    build: { write: false, emptyOutDir: false },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('The preload build produced no JavaScript.');
  return chunk.code;
}

function loadPreload(code: string): Harness {
  const harness: Harness = { code, exposed: new Map(), invocations: [], listeners: new Map() };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        if (harness.exposed.has(key)) throw new Error(`${key} exposed twice`);
        harness.exposed.set(key, api);
      },
    },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        harness.invocations.push({ channel, args });
        return Promise.resolve({ ok: true, data: channel });
      },
      on: (channel: string, listener: Listener) => {
        const set = harness.listeners.get(channel) ?? new Set<Listener>();
        set.add(listener);
        harness.listeners.set(channel, set);
      },
      removeListener: (channel: string, listener: Listener) => {
        harness.listeners.get(channel)?.delete(listener);
      },
    },
    webUtils: { getPathForFile: () => '/home/ada/customers.csv' },
  };
  const fakeRequire = (id: string): unknown => {
    if (id === 'electron') return electron;
    throw new Error(`The sandboxed preload cannot require "${id}"`);
  };
  const module = { exports: {} };
  vm.runInNewContext(code, { require: fakeRequire, module, exports: module.exports }, { filename: 'preload.cjs' });
  return harness;
}

function emit(harness: Harness, channel: string, payload: unknown): void {
  for (const listener of harness.listeners.get(channel) ?? []) listener({ sender: 'secret' }, payload);
}

describe('the Electron preload', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = loadPreload(await bundlePreload());
  });

  it('requires nothing but electron', () => {
    const required = [...harness.code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(harness.code).not.toMatch(/\bimport\s*\(/);
  });

  it('exposes exactly tailorApi, tailorEvents and tailorShell', () => {
    expect([...harness.exposed.keys()].sort()).toEqual(['tailorApi', 'tailorEvents', 'tailorShell']);
  });

  it('gives the page one function per contract method and nothing else', async () => {
    const api = harness.exposed.get('tailorApi') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    for (const method of METHOD_NAMES) {
      const call = api[method];
      expect(typeof call).toBe('function');
      harness.invocations.length = 0;
      const input = { probe: method };
      await expect((call as (input: unknown) => Promise<unknown>)(input)).resolves.toEqual({ ok: true, data: ipcChannel(method) });
      expect(harness.invocations).toEqual([{ channel: ipcChannel(method), args: [input] }]);
    }
  });

  it('gives the page the desktop shell actions, each on its own channel', async () => {
    const shell = harness.exposed.get('tailorShell') as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(shell).sort()).toEqual(
      [
        'onCloseRequest',
        'onCommand',
        'openExternal',
        'pathForFile',
        'pickCsv',
        'pickFolder',
        'pickWorkspace',
        'publishPreviewFrame',
        'saveWorkspace',
        'saveCsv',
        'showItemInFolder',
      ].sort(),
    );
    harness.invocations.length = 0;
    await shell.pickCsv?.();
    await shell.pickFolder?.({ defaultPath: '/tmp/out', title: 'Export to', extra: 'dropped' });
    await shell.pickWorkspace?.();
    await shell.saveWorkspace?.({ defaultPath: 7 });
    await shell.openExternal?.('https://example.com');
    await shell.showItemInFolder?.('/tmp/out/welcome.html');
    await shell.publishPreviewFrame?.('<p>remote on</p>');
    await shell.saveCsv?.({ defaultPath: '/tmp/vip.csv', title: 'Save audience', extra: 'dropped' });
    expect(harness.invocations).toEqual([
      { channel: 'shell:pickCsv', args: [] },
      { channel: 'shell:pickFolder', args: [{ defaultPath: '/tmp/out', title: 'Export to' }] },
      { channel: 'shell:pickWorkspace', args: [] },
      { channel: 'shell:saveWorkspace', args: [{}] },
      { channel: 'shell:openExternal', args: ['https://example.com'] },
      { channel: 'shell:showItemInFolder', args: ['/tmp/out/welcome.html'] },
      { channel: 'shell:publishPreviewFrame', args: ['<p>remote on</p>'] },
      { channel: 'shell:saveCsv', args: [{ defaultPath: '/tmp/vip.csv', title: 'Save audience' }] },
    ]);
    expect(shell.pathForFile?.({})).toBe('/home/ada/customers.csv');
  });

  it('relays only well-formed menu commands, without the IPC event, until unsubscribed', () => {
    const shell = harness.exposed.get('tailorShell') as { onCommand: (listener: (...args: unknown[]) => void) => () => void };
    const received: unknown[][] = [];
    const unsubscribe = shell.onCommand((...args) => received.push(args));
    emit(harness, 'shell:command', { kind: 'openWorkspace' });
    emit(harness, 'shell:command', { kind: 'openWorkspaceAt', path: '/work/shop.tailor' });
    emit(harness, 'shell:command', { kind: 'openWorkspaceAt' });
    emit(harness, 'shell:command', 'rm -rf');
    unsubscribe();
    emit(harness, 'shell:command', { kind: 'newWorkspace' });
    expect(received).toEqual([[{ kind: 'openWorkspace' }], [{ kind: 'openWorkspaceAt', path: '/work/shop.tailor' }]]);
    expect(harness.listeners.get('shell:command')?.size).toBe(0);
  });

  it('gives the page one subscribe function for pushed events, without the IPC event', () => {
    const events = harness.exposed.get('tailorEvents') as Record<string, unknown>;
    expect(Object.keys(events)).toEqual(['subscribe']);
    const subscribe = events.subscribe as (listener: (...args: unknown[]) => void) => () => void;
    const received: unknown[][] = [];
    const unsubscribe = subscribe((...args) => received.push(args));
    emit(harness, 'tailor:events', { type: 'data.changed', topics: ['templates'] });
    unsubscribe();
    emit(harness, 'tailor:events', { type: 'data.changed', topics: ['segments'] });
    expect(received).toEqual([[{ type: 'data.changed', topics: ['templates'] }]]);
    expect(harness.listeners.get('tailor:events')?.size).toBe(0);
  });

  it('runs the page flush on a close request and then acknowledges that request with whether it saved', async () => {
    const shell = harness.exposed.get('tailorShell') as { onCloseRequest: (flush: () => Promise<unknown>) => () => void };
    let flushed = 0;
    const unsubscribe = shell.onCloseRequest(async () => {
      flushed++;
      await Promise.resolve();
    });
    harness.invocations.length = 0;
    emit(harness, 'shell:closeRequest', 'not an id');
    emit(harness, 'shell:closeRequest', 7);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(flushed).toBe(1);
    expect(harness.invocations).toEqual([{ channel: 'shell:flushed', args: [{ requestId: 7, ok: true }] }]);

    // A flush that fails still answers, saying so: main then asks the user before closing.
    unsubscribe();
    shell.onCloseRequest(() => Promise.reject(new Error('save failed')));
    harness.invocations.length = 0;
    emit(harness, 'shell:closeRequest', 8);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(harness.invocations).toEqual([{ channel: 'shell:flushed', args: [{ requestId: 8, ok: false }] }]);
  });
});

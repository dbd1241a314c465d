import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { TailorEvent } from '../../shared/contract/events';
import { FlushGate } from '../../electron/main/close-flush';
import { connectToService, serveOverPort, SERVICE_GONE, type Port } from '../../electron/services-process/protocol';
import { createApp } from '../../electron/services/app';

/*
 * The desktop app runs the services in an Electron utilityProcess and relays
 * the window's IPC calls to it. Electron cannot run here, so the protocol is
 * tested over a Node MessageChannel and the real service entry over fork().
 */

const portOf = (port: MessagePort): Port => ({
  postMessage: (message) => port.postMessage(message),
  onMessage: (listener) => {
    port.on('message', listener);
    return () => port.off('message', listener);
  },
});

const dirs: string[] = [];
const tempHome = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-service-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('service protocol over a message port', () => {
  it('answers calls with their envelopes, relays pushed events, and closes the workspace on request', async () => {
    const dir = tempHome();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const app = createApp({ host: 'direct', nativeDialogs: false });
    const channel = new MessageChannel();
    let serviceClosed = false;
    serveOverPort(
      portOf(channel.port1),
      { dispatch: app.dispatch, subscribe: (l) => app.events.subscribe(l), close: () => app.close() },
      () => {
        serviceClosed = true;
      },
    );
    const relay = connectToService(portOf(channel.port2));
    const events: TailorEvent[] = [];
    relay.onEvent((event) => events.push(event));

    // Concurrent calls are matched to their own replies.
    const [info, created, bad] = await Promise.all([
      relay.call('app.info', {}),
      relay.call('workspace.create', { path: path.join(dir, 'w.tailor') }),
      relay.call('templates.get', { id: -1 }),
    ]);
    expect(info).toMatchObject({ ok: true, data: { host: 'direct' } });
    expect(created).toMatchObject({ ok: true, data: { name: 'w' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await relay.call('no.such', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    // A slow call (a compile in a worker) answered after a fast one still gets its own reply.
    const [preview, fast] = await Promise.all([
      relay.call('preview.render', { source: '<mjml><mj-body><mj-text>Hi</mj-text></mj-body></mjml>' }),
      relay.call('templates.list', {}),
    ]);
    expect(preview).toMatchObject({ ok: true, data: { previews: [] } });
    expect(fast).toMatchObject({ ok: true, data: [] });

    await relay.call('templates.create', { name: 'Relayed' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toContainEqual({ type: 'data.changed', topics: ['templates'] });

    expect(await relay.close(5_000)).toBe('closed');
    expect(serviceClosed).toBe(true);
    expect(app.session.get()).toBeNull();
    channel.port1.close();
  });

  it('answers pending and later calls with a clear error once the service is gone', async () => {
    const channel = new MessageChannel();
    const relay = connectToService(portOf(channel.port2));
    const pending = relay.call('app.info', {});
    relay.lost();
    expect(await pending).toEqual(SERVICE_GONE);
    expect(await relay.call('app.info', {})).toEqual(SERVICE_GONE);
    expect(await relay.ready).toMatchObject({ startupError: expect.stringContaining('stopped') as unknown });
    channel.port1.close();
  });

  it('ignores messages that are not part of the protocol', async () => {
    const channel = new MessageChannel();
    const relay = connectToService(portOf(channel.port2));
    const call = relay.call('app.info', {});
    channel.port1.postMessage({ type: 'reply', id: 'x', envelope: { ok: true, data: 'forged' } });
    channel.port1.postMessage('garbage');
    channel.port1.postMessage({ type: 'reply', id: 1, envelope: { ok: true, data: 'real' } });
    expect(await call).toEqual({ ok: true, data: 'real' });
    channel.port1.close();
  });
});

describe('the service entry in its own process', () => {
  it('starts, opens the requested workspace, serves calls and exits when closed', async () => {
    const dir = tempHome();
    const workspace = path.join(dir, 'own.tailor');
    const setup = createApp({ host: 'direct', nativeDialogs: false });
    process.env.TAILOR_HOME = path.join(dir, 'home');
    await setup.client.call('workspace.create', { path: workspace });
    await setup.close();

    const entry = path.resolve(__dirname, '../../electron/services-process/main.ts');
    const child = fork(entry, [workspace], {
      execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
      env: { ...process.env, TAILOR_HOME: path.join(dir, 'home') },
      serialization: 'advanced',
      stdio: 'inherit',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const relay = connectToService({
      postMessage: (message) => child.send(message as object),
      onMessage: (listener) => {
        child.on('message', listener);
        return () => child.off('message', listener);
      },
    });
    child.on('exit', () => relay.lost());

    expect(await relay.ready).toEqual({ startupError: null, workspace });
    expect(await relay.call('workspace.current', {})).toMatchObject({ ok: true, data: { path: workspace } });
    expect(await relay.call('app.info', {})).toMatchObject({ ok: true, data: { host: 'desktop', nativeDialogs: true } });
    expect(await relay.close(10_000)).toBe('closed');
    expect(await exited).toBe(0);
  });
});

describe('closing a window flushes pending edits first', () => {
  it('waits for the page to acknowledge its own request, and hears whether the save worked', async () => {
    const asked: number[] = [];
    const gate = new FlushGate((id) => asked.push(id));
    const closing = gate.request(1_000);
    let outcome: string | null = null;
    void closing.then((result) => (outcome = result));
    gate.acknowledge({ requestId: asked[0]! + 1, ok: true });
    gate.acknowledge({ requestId: String(asked[0]), ok: true });
    gate.acknowledge(asked[0]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(outcome).toBeNull();
    gate.acknowledge({ requestId: asked[0], ok: true });
    expect(await closing).toBe('flushed');

    const failing = gate.request(1_000);
    gate.acknowledge({ requestId: asked[1], ok: false });
    expect(await failing).toBe('failed');
  });

  it('closes anyway when the page never answers or is already gone', async () => {
    const silent = new FlushGate(() => undefined);
    const started = performance.now();
    expect(await silent.request(50)).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(1_000);
    const gone = new FlushGate(() => {
      throw new Error('no window');
    });
    expect(await gone.request(10_000)).toBe('flushed');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../electron/cli/main';
import { createApp, type TailorApp } from '../../electron/services/app';
import { errorLogPath } from '../../electron/services/error-log';
import { IMPORT_CUSTOMERS } from '../../electron/services/jobs';
import { ContractError } from '../../shared/contract/envelope';
import { tempDir } from '../support/temp';

/** A fresh app with its own data folder (and so its own log) and an empty workspace. */
async function freshApp(): Promise<{ app: TailorApp; dir: string; home: string }> {
  const dir = tempDir();
  const home = path.join(dir, 'home');
  process.env.TAILOR_HOME = home;
  const app = createApp({ host: 'direct', nativeDialogs: false });
  await app.client.call('workspace.create', { path: path.join(dir, 'w.tailor') });
  return { app, dir, home };
}

async function rejection(promise: Promise<unknown>): Promise<ContractError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ContractError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const ZOD_DUMP = /"code":|invalid_type|invalid_value|"path":|expected string, received/;

describe('internal errors', () => {
  it('are written to a log file in the data folder under an id the user is shown', async () => {
    const { app, home } = await freshApp();
    const seen: string[] = [];
    let error: ContractError;
    try {
      // A bug's stand-in: the table a handler reads is gone.
      app.session.require().db.exec('DROP TABLE templates');
      error = await rejection(app.client.call('templates.list', {}));
    } finally {
      await app.close();
    }
    const log = path.join(home, 'logs', 'tailor.log');
    expect(errorLogPath()).toBe(log);
    expect(error.code).toBe('internal');
    const id = /\(error ([0-9A-F]{6}); details in (.+)\)\.$/.exec(error.message);
    expect(id, error.message).not.toBeNull();
    expect(id?.[2]).toBe(log);
    expect(error.message).not.toMatch(/no such table/);
    seen.push(id?.[1] ?? '');

    const text = fs.readFileSync(log, 'utf8');
    expect(text).toContain(`error ${seen[0]} in templates.list`);
    expect(text).toMatch(/no such table: templates/);
    expect(text).toMatch(/\n\s+at /); // the stack is in the log, not in the message
  });

  it('passes the same id to the host and gives every error its own', async () => {
    const dir = tempDir();
    process.env.TAILOR_HOME = path.join(dir, 'home');
    const reported: string[] = [];
    const app = createApp({ host: 'direct', nativeDialogs: false, onInternalError: (_method, _error, id) => reported.push(id) });
    try {
      await app.client.call('workspace.create', { path: path.join(dir, 'w.tailor') });
      app.session.require().db.exec('DROP TABLE templates');
      const first = await rejection(app.client.call('templates.list', {}));
      const second = await rejection(app.client.call('templates.list', {}));
      expect(reported).toHaveLength(2);
      expect(first.message).toContain(`error ${reported[0]}`);
      expect(second.message).toContain(`error ${reported[1]}`);
      expect(reported[0]).not.toBe(reported[1]);
    } finally {
      await app.close();
    }
  });

  it('turn a reply that breaks the contract into an internal error with an id, not a schema dump', async () => {
    const { app, home } = await freshApp();
    let error: ContractError;
    try {
      // A value of the wrong type in a column the contract says is text.
      app.session
        .require()
        .db.prepare(`INSERT INTO customers (id, email, created_at, updated_at) VALUES ('C-1', ?, 'x', 'x')`)
        .run(Buffer.from('not text'));
      error = await rejection(app.client.call('customers.get', { idOrEmail: 'C-1' }));
    } finally {
      await app.close();
    }
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/\(error [0-9A-F]{6}; details in /);
    expect(error.message).not.toMatch(ZOD_DUMP);
    expect(fs.readFileSync(path.join(home, 'logs', 'tailor.log'), 'utf8')).toMatch(/customers\.get[\s\S]*email/);
  });
});

describe('a stored segment rule this version cannot read', () => {
  it('is listed with a message naming it and what to do, and only its own persona is affected', async () => {
    const { app, dir } = await freshApp();
    try {
      const segment = await app.client.call('segments.save', { name: 'Lapsed VIPs', rule: { match: 'all', conditions: [] } });
      await app.client.call('personas.save', { label: 'Lapsed', source: { kind: 'segment', segmentId: segment.id } });
      app.session
        .require()
        .db.prepare('UPDATE segments SET rule = ? WHERE id = ?')
        .run(JSON.stringify({ match: 'any', conditions: [] }), segment.id);

      const problems: string[] = [];
      const [listed] = await app.client.call('segments.list', {});
      expect(listed?.count).toBe(0);
      problems.push(listed?.problem ?? '');

      const source = '<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>';
      const preview = await app.client.call('preview.render', { source });
      expect(preview.previews).toHaveLength(1);
      expect(preview.previews[0]?.html).toBeNull();
      problems.push(preview.previews[0]?.problem ?? '');

      // The export itself goes ahead; the persona it cannot show is simply not among the files.
      const exported = await app.client.call('export.run', { template: { name: 'Hi', source }, dir: path.join(dir, 'out') });
      expect(exported.files.map((f) => f.kind).sort()).toEqual(['compiled', 'text']);

      for (const problem of problems) {
        expect(problem).toContain('Segment "Lapsed VIPs"');
        expect(problem).toMatch(/cannot read \(match: .+\)/);
        expect(problem).toMatch(/update Tailor|delete the segment/);
        expect(problem).not.toMatch(ZOD_DUMP);
      }
    } finally {
      await app.close();
    }
  });
});

describe('the CLI', () => {
  it('shows the id and the log path for an internal error', async () => {
    const dir = tempDir();
    const home = path.join(dir, 'home');
    process.env.TAILOR_HOME = home;
    const workspace = path.join(dir, 'w.tailor');
    const app = createApp({ host: 'direct', nativeDialogs: false });
    try {
      await app.client.call('workspace.create', { path: workspace });
      app.session.require().db.exec('DROP TABLE templates');
    } finally {
      await app.close();
    }
    let stderr = '';
    const code = await run(['templates', workspace], {
      stdout: { write: () => true },
      stderr: { write: (chunk: string) => (stderr += chunk) },
    });
    expect(code).toBe(1);
    const match = /error ([0-9A-F]{6}); details in (\S+)\)/.exec(stderr);
    expect(match, stderr).not.toBeNull();
    expect(match?.[2]).toBe(path.join(home, 'logs', 'tailor.log'));
    // Opening already counts the templates, so the error is logged under workspace.open.
    expect(fs.readFileSync(path.join(home, 'logs', 'tailor.log'), 'utf8')).toContain(`error ${match?.[1]} in workspace.open`);
  });
});

describe('a long job that fails unexpectedly', () => {
  it('tells the user an error id and keeps the details in the log', async () => {
    const { app, home } = await freshApp();
    let message: string | null;
    try {
      const job = app.jobs.start(IMPORT_CUSTOMERS, () => Promise.reject(new Error('staging table vanished: SECRET-DETAIL')));
      message = (await app.jobs.settle(job.id)).message;
    } finally {
      await app.close();
    }
    const id = /error ([0-9A-F]{6})/.exec(message ?? '')?.[1];
    expect(id, message ?? '').toBeDefined();
    expect(message).not.toContain('SECRET-DETAIL');
    const log = fs.readFileSync(path.join(home, 'logs', 'tailor.log'), 'utf8');
    expect(log).toContain(`error ${id} in job import.customers`);
    expect(log).toContain('SECRET-DETAIL');
  });
});

describe('an import stopped by a bug', () => {
  it('is recorded as failed, and its job names an error id whose details are in the log', async () => {
    const { app, dir, home } = await freshApp();
    let message: string | null;
    let history: string | null | undefined;
    try {
      const csv = path.join(dir, 'people.csv');
      fs.writeFileSync(csv, 'id,email,first_name\nC1,ana@example.com,Ana\n');
      // A bug's stand-in: the table the committer writes to is gone.
      app.session.require().db.exec('DROP TABLE customers');
      const { jobId } = await app.client.call('imports.start', { path: csv });
      message = (await app.jobs.settle(jobId)).message;
      history = (await app.client.call('imports.list', {}))[0]?.message;
    } finally {
      await app.close();
    }
    const id = /error ([0-9A-F]{6})/.exec(message ?? '')?.[1];
    expect(id, message ?? '').toBeDefined();
    expect(message).not.toContain('no such table');
    expect(history).toBe('Import of people.csv failed because of an internal problem. Nothing was imported.');
    const log = fs.readFileSync(path.join(home, 'logs', 'tailor.log'), 'utf8');
    expect(log).toContain(`error ${id} in job import.customers`);
    expect(log).toContain('no such table');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '../../shared/contract/contract';
import { ContractError } from '../../shared/contract/envelope';
import { importReportOf, type ImportEntityName, type ImportPolicy, type Job } from '../../shared/contract/schemas';
import { followJob } from '../../shared/contract/follow-job';
import { createApp, type TailorApp } from '../services/app';
import { rendererDir } from '../services/paths';
import { openInitialWorkspace } from '../services/startup';
import { startHttpHost } from '../hosts/http-host';
import { formatDiagnostic, formatExport, formatImportReport, formatProgress, formatTemplates } from './format';
import { debugEnabled, EXIT, type Output } from './io';
import { columnsOfReport, readMappingFile, writeMappingFile } from './mapping-file-io';
import { savedMappingFor } from './saved-mapping';
import { openBrowser } from './open-browser';
import { resolveTemplate } from './template-ref';

function internalErrorLogger(out: Output): (method: string, error: unknown) => void {
  return (method, error) => {
    if (debugEnabled())
      out.note(`tailor: internal error in ${method}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  };
}

/** One app per command, closed however the command ends, so the workspace file is checkpointed and released. */
export async function withApp(out: Output, run: (client: Client, app: TailorApp) => Promise<number>): Promise<number> {
  const app = createApp({ host: 'cli', nativeDialogs: false, onInternalError: internalErrorLogger(out) });
  try {
    return await run(app.client, app);
  } finally {
    await app.close();
  }
}

export async function openWorkspace(client: Client, workspace: string): Promise<string> {
  const info = await client.call('workspace.open', { path: path.resolve(workspace) });
  return info.path;
}

/**
 * Calls `onStop` on the first Ctrl+C, SIGTERM or io.interrupt, and `onRepeat`
 * on any later one. The listeners stay attached until `detach` so that a
 * repeated signal cannot fall through to Node's default and kill the process
 * halfway through unwinding: tsx (`npm run tailor`) relays a terminal's Ctrl+C
 * to its child a second time, so "press again to force quit" would fire on
 * a single press.
 */
export function onInterrupt(out: Output, onStop: () => void, onRepeat: () => void = () => undefined): () => void {
  let fired = false;
  const fire = (): void => {
    if (fired) {
      onRepeat();
      return;
    }
    fired = true;
    onStop();
  };
  const signal = out.io.interrupt;
  process.on('SIGINT', fire);
  process.on('SIGTERM', fire);
  signal?.addEventListener('abort', fire);
  if (signal?.aborted) fire();
  return () => {
    process.off('SIGINT', fire);
    process.off('SIGTERM', fire);
    signal?.removeEventListener('abort', fire);
  };
}

export async function initCommand(out: Output, workspace: string, opts: { demo?: boolean }): Promise<number> {
  const target = path.resolve(workspace);
  if (fs.existsSync(target)) {
    out.error('conflict', `${target} already exists; init creates new workspaces only. Use another name, or delete the file first.`);
    return EXIT.input;
  }
  return withApp(out, async (client) => {
    const info = await client.call('workspace.create', { path: target, demo: opts.demo ?? false });
    if (out.json) {
      out.document(info);
    } else {
      const { customers, templates, segments } = info.counts;
      out.line(`Created workspace ${info.path}`);
      out.line(`  ${customers} customers, ${templates} templates, ${segments} segments`);
    }
    return EXIT.ok;
  });
}

export async function importCommand(
  out: Output,
  workspace: string,
  opts: { entity: ImportEntityName; file: string; mapping?: string; saveMapping?: string; policy?: ImportPolicy },
): Promise<number> {
  const file = path.resolve(opts.file);
  const namesFile = (message: string): string => (message.includes(path.basename(file)) ? message : `${file}: ${message}`);
  // Read before the workspace opens, so a bad mapping file costs nothing.
  const mappingFile = opts.mapping === undefined ? undefined : readMappingFile(opts.mapping, opts.entity);

  return withApp(out, async (client, app) => {
    const workspacePath = await openWorkspace(client, workspace);
    const settings = mappingFile ?? (await savedMappingFor(out, client, file, opts.entity));

    const showProgress = out.io.stdout.isTTY === true && !out.json;
    let interrupted = false;
    let cancel = (): void => undefined;
    const detach = onInterrupt(
      out,
      () => {
        interrupted = true;
        out.io.stderr.write(showProgress ? '\r\u001b[K' : '');
        out.note('Cancelling the import...');
        cancel();
      },
      () => out.note('Still cancelling: the workspace is being put back as it was.'),
    );

    let job: Job;
    try {
      const { jobId } = await client
        .call('imports.start', { path: file, entity: opts.entity, settings, policy: opts.policy })
        .catch((error: unknown) => {
          if (error instanceof ContractError) throw new ContractError(error.code, namesFile(error.message), error.issues);
          throw error;
        });
      cancel = () => void client.call('jobs.cancel', { jobId });
      if (interrupted) cancel();
      // Pushed progress from the in-process event hub, the same path the studio follows.
      const feed = { subscribe: app.events.subscribe.bind(app.events), get: (id: string) => client.call('jobs.get', { jobId: id }) };
      job = await followJob(feed, jobId, (update) => {
        if (showProgress && !interrupted && update.status === 'running') out.io.stderr.write(`\r\u001b[K${formatProgress(file, update)}`);
      }).done;
      if (showProgress) out.io.stderr.write('\r\u001b[K');
    } finally {
      detach();
    }

    const report = importReportOf(job);
    if (job.status === 'cancelled') {
      out.error('cancelled', `import of ${file} cancelled; the workspace is unchanged.`, { report });
      return EXIT.interrupted;
    }
    if (job.status === 'failed' || !report) {
      const message = report?.message ?? job.message ?? 'the import failed.';
      const withMapping =
        opts.mapping !== undefined && message.includes('this mapping') ? ` (mapping file: ${path.resolve(opts.mapping)})` : '';
      out.error('bad_file', namesFile(message) + withMapping, { report });
      return EXIT.input;
    }
    const savedTo =
      opts.saveMapping === undefined
        ? null
        : writeMappingFile(opts.saveMapping, opts.entity, { ...settings, columns: settings?.columns ?? columnsOfReport(report) });
    if (out.json) {
      out.document(savedTo === null ? report : { ...report, mappingFile: savedTo });
    } else {
      out.lines(formatImportReport(report, workspacePath));
      if (savedTo !== null) out.line(`Mapping saved to ${savedTo}; import the next file like this one with --mapping ${savedTo}.`);
    }
    // The job finished before the cancel reached it: the data is in, so say so rather than claim an interruption.
    if (interrupted) out.note('tailor: the import had already finished when it was interrupted.');
    return EXIT.ok;
  });
}

export async function templatesCommand(out: Output, workspace: string): Promise<number> {
  return withApp(out, async (client) => {
    await openWorkspace(client, workspace);
    const templates = await client.call('templates.list', {});
    if (out.json) out.document(templates);
    else out.lines(formatTemplates(templates));
    return EXIT.ok;
  });
}

export async function renderCommand(out: Output, workspace: string, opts: { template: string; customer: string }): Promise<number> {
  return withApp(out, async (client) => {
    await openWorkspace(client, workspace);
    const template = await resolveTemplate(client, opts.template);
    const result = await client.call('render.customer', { template: template.ref, customer: opts.customer });
    for (const diagnostic of result.diagnostics) out.note(formatDiagnostic(template.label, diagnostic));
    const failed = result.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
    if (out.json) {
      out.document(result);
    } else if (result.html !== null) {
      out.io.stdout.write(result.html.endsWith('\n') ? result.html : `${result.html}\n`);
    }
    if (result.html === null && !failed) {
      out.note(`tailor: ${template.label} rendered nothing for customer ${opts.customer}.`);
      return EXIT.input;
    }
    return failed ? EXIT.input : EXIT.ok;
  });
}

export async function exportCommand(
  out: Output,
  workspace: string,
  opts: { template: string; out: string; personas: boolean; folder?: string; replace?: boolean },
): Promise<number> {
  return withApp(out, async (client) => {
    await openWorkspace(client, workspace);
    const template = await resolveTemplate(client, opts.template);
    const result = await client.call('export.run', {
      template: template.ref,
      dir: path.resolve(opts.out),
      personas: opts.personas,
      folder: opts.folder,
      replace: opts.replace ?? false,
    });
    for (const diagnostic of result.diagnostics) out.note(formatDiagnostic(template.label, diagnostic));
    if (out.json) out.document(result);
    else out.lines(formatExport(result));
    // An email with template errors is not fit to send, whatever files were written.
    return result.diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? EXIT.input : EXIT.ok;
  });
}

export async function compactCommand(out: Output, workspace: string): Promise<number> {
  return withApp(out, async (client) => {
    const workspacePath = await openWorkspace(client, workspace);
    const result = await client.call('workspace.compact', {});
    if (out.json) out.document(result);
    else out.line(`Compacted ${workspacePath}: ${result.before.toLocaleString('en-US')} -> ${result.after.toLocaleString('en-US')} bytes`);
    return EXIT.ok;
  });
}

export async function serveCommand(
  out: Output,
  workspace: string | undefined,
  opts: { port?: number; open?: boolean; devOrigin?: string },
): Promise<number> {
  // Browser mode: the page talks to this process over loopback HTTP, and has no native dialogs.
  const app = createApp({ host: 'browser', nativeDialogs: false, onInternalError: internalErrorLogger(out) });
  try {
    await openInitialWorkspace(app, workspace === undefined ? undefined : path.resolve(workspace));
    // With a dev origin, Vite serves the renderer and this host only answers the API.
    let staticDir: string | undefined = opts.devOrigin ? undefined : rendererDir();
    if (staticDir !== undefined && !fs.existsSync(path.join(staticDir, 'index.html'))) {
      // Running from source without a build: the API still works (scripts, the Vite dev server), so warn and go on.
      out.note(
        `tailor: the browser UI is not built (no ${staticDir}). Run \`npm run build\` and start again, or use ` +
          '`npm start` / `npm run tailor -- serve`, which build first; or pass --dev-origin to use the Vite dev server.',
      );
      staticDir = undefined;
    }
    const host = await startHttpHost({
      dispatch: app.dispatch,
      uploads: app.uploads,
      events: app.events,
      port: opts.port,
      staticDir,
      devOrigin: opts.devOrigin,
      // Transport failures outside the dispatcher are bugs too: same log, same ids.
      onInternalError: (where, error, errorId) => {
        app.errorLog.record(errorId, where, error);
        internalErrorLogger(out)(where, error);
      },
    });
    let detach = (): void => undefined;
    let disposeRedirect = (): void => undefined;
    const stopped = new Promise<void>((resolve) => {
      detach = onInterrupt(out, resolve);
    });
    try {
      const banner = `Tailor is running in browser mode: ${host.url}`;
      if (out.json) {
        out.io.stdout.write(`${JSON.stringify({ url: host.url })}\n`);
        out.note(banner);
      } else {
        out.line(banner);
      }
      out.note('Press Ctrl+C to stop.');
      // The browser gets a private redirect file, never the URL: a command line is visible to every local user.
      if (opts.open) {
        const opened = openBrowser(host.url, { launch: out.io.launch });
        disposeRedirect = opened.dispose;
        process.once('exit', disposeRedirect);
      }
      await stopped;
      out.note('Stopping Tailor...');
    } finally {
      disposeRedirect();
      process.off('exit', disposeRedirect);
      detach();
      await host.close();
    }
  } finally {
    await app.close();
  }
  return EXIT.ok;
}

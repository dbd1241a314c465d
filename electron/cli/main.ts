import fs from 'node:fs';
import path from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ContractError } from '../../shared/contract/envelope';
import { FieldPolicy, type ImportEntityName, type ImportPolicy } from '../../shared/contract/schemas';
import { parseFieldPolicy } from '../../shared/imports/policy';
import { DEFAULT_THRESHOLD } from '../../shared/dedup/find-duplicates';
import { ErrorLog, newErrorId } from '../services/error-log';
import { packageRoot } from '../services/paths';
import { compactCommand, exportCommand, importCommand, initCommand, renderCommand, serveCommand, templatesCommand } from './commands';
import { dedupCommand, parseThreshold } from './dedup-command';
import { mappingCommand } from './mapping-command';
import { parseImportId, rejectsCommand } from './rejects-command';
import { undoImportCommand } from './undo-command';
import { auditCommand } from './audit-command';
import { proofsCommand } from './proofs-command';
import { parseAsOf } from './as-of-option';
import { scoreCommand, scoreOptions, type ScoreOptions } from './score-command';
import { SCORE_MODEL_COMMANDS } from './score-models';
import { parseLimit, segmentCommand, segmentsCommand } from './segments-command';
import { EXIT, Output, type CliIo } from './io';
import { ESP_IDS, type EspId } from '../../shared/esp/esp';
import { exportEspCommand, parseEsp } from './export-esp-command';
import { audienceCommand } from './audience-command';
import { qaCommand } from './qa-command';

export type { CliIo, OutStream } from './io';

const EXAMPLES = `
Examples:
  $ tailor init shop.tailor --demo
  $ tailor import shop.tailor --customers customers.csv
  $ tailor import shop.tailor --orders orders.csv --json
  $ tailor mapping shop.tailor --customers clients.csv --out clients-mapping.json
  $ tailor import shop.tailor --customers clients.csv --mapping clients-mapping.json
  $ tailor import shop.tailor --customers crm.csv --policy fill-blanks --policy-field email=keep
  $ tailor undo-import shop.tailor
  $ tailor templates shop.tailor
  $ tailor render shop.tailor --template "Welcome" --customer ada@example.com > welcome.html
  $ tailor render shop.tailor --template ./welcome.mjml --customer C-1001
  $ tailor export shop.tailor --template Welcome --out ./exports
  $ tailor export shop.tailor --template Welcome --out ./exports --folder welcome --replace
  $ tailor export shop.tailor --template Welcome --esp mailchimp --out ./exports --json
  $ tailor audience shop.tailor --segment "VIP" --esp braze --out vip-braze.csv
  $ tailor audience shop.tailor --segment "VIP" --esp mailchimp --template "Birthday" --out vip-mailchimp.csv
  $ tailor compact shop.tailor
  $ tailor dedup shop.tailor --threshold 0.9 --json
  $ tailor rejects shop.tailor --out customers-rejected.csv
  $ tailor audit shop.tailor --json
  $ tailor dedup shop.tailor --threshold 0.95 --auto-merge
  $ tailor score shop.tailor intent --as-of 2026-11-01 --json
  $ tailor score shop.tailor clusters --k 4
  $ tailor segments shop.tailor --json
  $ tailor segment shop.tailor "High-value customers" --members --limit 20 --as-of 2026-06-30
  $ tailor serve shop.tailor --port 4780 --open
  $ tailor score shop.tailor rfm --as-of 2026-06-30 --json
  $ tailor score shop.tailor churn --as-of 2026-11-01 --days 90 --json
  $ tailor proofs shop.tailor --template Welcome --out ./proofs
  $ tailor qa shop.tailor --template "Segment offer" --segment "Lapsed customers" --json

Exit codes: 0 success, 1 a problem with the input, 2 wrong usage, 3 qa found problems, 130 interrupted.
Add --json to any command for machine-readable output (errors too, as {"error": {...}} on stdout).
Set TAILOR_HOME to keep Tailor's own files (recent list, demo workspace) somewhere else.`;

function readVersion(): string {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('Give a port number from 0 to 65535.');
  return port;
}

function parseUrl(value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    throw new InvalidArgumentError('Give a full URL, like http://localhost:5173.');
  }
}

/**
 * A bug outside the dispatcher (which logs its own) is logged too, and the
 * user sees its id and the log's path rather than a raw message.
 */
async function asUserError(error: unknown): Promise<unknown> {
  if (error instanceof ContractError) return error;
  const log = new ErrorLog();
  const id = newErrorId();
  log.record(id, 'cli', error);
  await log.close();
  return new ContractError('internal', `Tailor stopped because of an internal problem (error ${id}; details in ${log.file}).`);
}

interface ImportOptions {
  customers?: string;
  orders?: string;
  events?: string;
  mapping?: string;
  saveMapping?: string;
  out?: string;
  policy?: FieldPolicy;
  policyField?: Record<string, FieldPolicy>;
}

/** --policy-field key=policy, repeatable: collected into one record (a later one for the same field wins). */
function collectFieldPolicy(value: string, previous: Record<string, FieldPolicy> = {}): Record<string, FieldPolicy> {
  const parsed = parseFieldPolicy(value);
  if ('error' in parsed) throw new InvalidArgumentError(parsed.error);
  return { ...previous, [parsed.key]: parsed.policy };
}

/** The re-import policy the options give, if any: --policy-field alone keeps overwrite as the default. */
function importPolicy(opts: ImportOptions): ImportPolicy | undefined {
  if (opts.policy === undefined && opts.policyField === undefined) return undefined;
  return { default: opts.policy ?? 'overwrite', fields: opts.policyField ?? {} };
}

/** Which file and entity an import command names; commander has made sure there is exactly one. */
function importSource(opts: ImportOptions): { entity: ImportEntityName; file: string; policy?: ImportPolicy } {
  if (opts.orders !== undefined) return { entity: 'orders', file: opts.orders };
  if (opts.events !== undefined) return { entity: 'events', file: opts.events };
  return { entity: 'customers', file: opts.customers ?? '', policy: importPolicy(opts) };
}

interface GlobalOptions {
  json?: boolean;
}

/**
 * Run the `tailor` command line with `argv` (the user's arguments, without
 * node and the script) and resolve to the process exit code. Never throws and
 * never calls process.exit, so tests and other hosts can call it in-process.
 */
export async function run(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  // Usage errors happen before any action runs, so --json is read off the raw arguments for them.
  const usageOut = new Output(io, argv.includes('--json'));
  let exitCode: number = EXIT.ok;

  /** Wraps an action: builds its Output from the merged options and turns any error into a message and exit code. */
  const action =
    <A extends unknown[]>(body: (out: Output, ...args: A) => Promise<number>) =>
    async (...args: [...A, Command]): Promise<void> => {
      const command = args[args.length - 1] as Command;
      const out = new Output(io, command.optsWithGlobals<GlobalOptions>().json === true);
      try {
        exitCode = await body(out, ...(args.slice(0, -1) as A));
      } catch (error) {
        exitCode = out.failure(await asUserError(error));
      }
    };

  const program = new Command('tailor')
    .description('Tailor: data-driven email personalization, from the command line.')
    .version(readVersion(), '-V, --version', 'print the version')
    .option('--json', 'machine-readable output (errors too)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(add --help for usage and examples)')
    .addHelpText('after', EXAMPLES);

  program
    .command('init')
    .description('create a new workspace file')
    .argument('<workspace>', 'the .tailor file to create')
    .option('--demo', 'fill it with demo customers, templates and segments')
    .action(action((out, workspace: string, opts: { demo?: boolean }) => initCommand(out, workspace, opts)));

  program
    .command('import')
    .description('import customers, orders or events from a CSV file into a workspace')
    .argument('<workspace>', 'the .tailor workspace file')
    .addOption(new Option('--customers <csv>', 'the CSV file of customers').conflicts(['orders', 'events']))
    .addOption(new Option('--orders <csv>', 'a CSV file of orders (linked to customers by id or email)').conflicts(['events']))
    .addOption(new Option('--events <csv>', 'a CSV file of events (linked to customers by id or email)'))
    .addOption(
      new Option('--policy <policy>', 'what a re-import does to customers already in the workspace (default: overwrite)').choices(
        FieldPolicy.options,
      ),
    )
    .addOption(
      new Option('--policy-field <field=policy>', 'a different policy for one field, e.g. email=keep (repeatable)').argParser(
        collectFieldPolicy,
      ),
    )
    .hook('preAction', (command) => {
      const { customers, orders, events, policy, policyField } = command.opts<ImportOptions>();
      if (customers === undefined && orders === undefined && events === undefined)
        command.error("error: required option '--customers <csv>', '--orders <csv>' or '--events <csv>' not specified");
      if (customers === undefined && (policy !== undefined || policyField !== undefined))
        command.error('error: --policy and --policy-field apply to --customers: orders update by order id, and events never change');
    })
    .option('--mapping <json>', 'read the file with this mapping (a file written by `tailor mapping` or --save-mapping)')
    .option('--save-mapping <json>', 'after a successful import, write the mapping it used to this file')
    .action(
      action((out, workspace: string, opts: ImportOptions) =>
        importCommand(out, workspace, { ...importSource(opts), mapping: opts.mapping, saveMapping: opts.saveMapping }),
      ),
    );

  program
    .command('mapping')
    .description(
      'write the mapping an import would use for a CSV file (saved for its header, or detected), to edit and pass to import --mapping',
    )
    .argument('<workspace>', 'the .tailor workspace file')
    .addOption(new Option('--customers <csv>', 'a CSV file of customers').conflicts(['orders', 'events']))
    .addOption(new Option('--orders <csv>', 'a CSV file of orders').conflicts(['events']))
    .addOption(new Option('--events <csv>', 'a CSV file of events'))
    .requiredOption('--out <json>', 'the mapping file to write')
    .hook('preAction', (command) => {
      const { customers, orders, events } = command.opts<ImportOptions>();
      if (customers === undefined && orders === undefined && events === undefined)
        command.error("error: required option '--customers <csv>', '--orders <csv>' or '--events <csv>' not specified");
    })
    .action(
      action((out, workspace: string, opts: ImportOptions) =>
        mappingCommand(out, workspace, { ...importSource(opts), out: opts.out ?? '' }),
      ),
    );

  program
    .command('undo-import')
    .description("undo the workspace's last import (refused when a later change depends on it)")
    .argument('<workspace>', 'the .tailor workspace file')
    .action(action((out, workspace: string) => undoImportCommand(out, workspace)));

  program
    .command('templates')
    .description('list the templates in a workspace')
    .argument('<workspace>', 'the .tailor workspace file')
    .action(action((out, workspace: string) => templatesCommand(out, workspace)));

  program
    .command('render')
    .description('render a template for one customer and print the HTML')
    .argument('<workspace>', 'the .tailor workspace file')
    .requiredOption('--template <name|id|path>', 'a stored template (name or id) or a .mjml/.html/.liquid file')
    .requiredOption('--customer <id|email>', 'the customer to personalize for')
    .action(action((out, workspace: string, opts: { template: string; customer: string }) => renderCommand(out, workspace, opts)));

  program
    .command('export')
    .description('write ESP-ready HTML (and text) for a template')
    .argument('<workspace>', 'the .tailor workspace file')
    .requiredOption('--template <name|id|path>', 'a stored template (name or id) or a .mjml/.html/.liquid file')
    .requiredOption('--out <dir>', 'the parent folder: each export creates a new folder in it')
    .option('--folder <name>', 'the folder to create (default: the template name and the local time)')
    .option('--replace', 'replace an earlier Tailor export in that folder')
    .option('--no-personas', 'skip the per-persona renders')
    .option('--esp <esp>', `write it in an ESP's language and round-trip check it (${ESP_IDS.join('|')})`, parseEsp)
    .option('--minify', 'with --esp: minify the HTML')
    .action(
      action(
        (
          out,
          workspace: string,
          opts: { template: string; out: string; personas: boolean; folder?: string; replace?: boolean; esp?: EspId; minify?: boolean },
        ) => (opts.esp ? exportEspCommand(out, workspace, { ...opts, esp: opts.esp }) : exportCommand(out, workspace, opts)),
      ),
    );

  program
    .command('audience')
    .description("write a segment as an ESP's contact-import CSV (fields, scores and segments under the ESP's names)")
    .argument('<workspace>', 'the .tailor workspace file')
    .requiredOption('--segment <name|id>', 'the segment to export')
    .requiredOption('--esp <esp>', ESP_IDS.join('|'), parseEsp)
    .requiredOption('--out <csv>', 'the CSV file to write')
    .option('--template <name|id|file>', "also the derived values this template's export needs (what the ESP cannot compute)")
    .action(
      action((out, workspace: string, opts: { segment: string; esp: EspId; out: string; template?: string }) =>
        audienceCommand(out, workspace, opts),
      ),
    );

  program
    .command('compact')
    .description('rewrite a workspace file without the space left by deleted data')
    .argument('<workspace>', 'the .tailor workspace file')
    .action(action((out, workspace: string) => compactCommand(out, workspace)));

  program
    .command('dedup')
    .description('list groups of customers that are likely the same person, with scores and reasons')
    .argument('<workspace>', 'the .tailor workspace file')
    .option('--threshold <score>', `the lowest pair score (0 to 1) counted as a duplicate (default ${DEFAULT_THRESHOLD})`, parseThreshold)
    .option('--auto-merge', 'merge each group at or above the threshold into its oldest record (undoable in the studio)')
    .action(action((out, workspace: string, opts: { threshold?: number; autoMerge?: boolean }) => dedupCommand(out, workspace, opts)));

  program
    .command('rejects')
    .description('write the rejected rows of an import to a CSV, to fix and import again')
    .argument('<workspace>', 'the .tailor workspace file')
    .option('--import <id>', 'the import (default: the latest import with rejected rows)', parseImportId)
    .requiredOption('--out <csv>', 'the CSV file to write')
    .action(action((out, workspace: string, opts: { import?: number; out: string }) => rejectsCommand(out, workspace, opts)));

  program
    .command('audit')
    .description('profile every field (completeness, distinct and top values, range, outliers) and list anomalies with their rows')
    .argument('<workspace>', 'the .tailor workspace file')
    .action(action((out, workspace: string) => auditCommand(out, workspace)));

  program
    .command('proofs')
    .description("zip every persona's email as HTML, a PNG screenshot and an .eml, plus a contact sheet")
    .argument('<workspace>', 'the .tailor workspace file')
    .requiredOption('--template <name|id|path>', 'a stored template (name or id) or a .mjml/.html/.liquid file')
    .requiredOption('--out <dir>', 'the folder to write the zip in')
    .action(action((out, workspace: string, opts: { template: string; out: string }) => proofsCommand(out, workspace, opts)));

  const score = program
    .command('score')
    .description('compute scores for every customer and print their summary')
    .argument('<workspace>', 'the .tailor workspace file')
    .addArgument(
      new Argument(
        '<model>',
        Object.entries(SCORE_MODEL_COMMANDS)
          .map(([name, model]) => `${name}: ${model.summary}`)
          .join('; '),
      ).choices(Object.keys(SCORE_MODEL_COMMANDS)),
    )
    .option('--as-of <yyyy-mm-dd>', 'compute as of this date (default: today)', parseAsOf);
  for (const option of scoreOptions()) score.addOption(option);
  score.action(action((out, workspace: string, model: string, opts: ScoreOptions) => scoreCommand(out, workspace, model, opts)));

  program
    .command('segments')
    .description('list the segments with their kind (dynamic or static) and member count')
    .argument('<workspace>', 'the .tailor workspace file')
    .action(action((out, workspace: string) => segmentsCommand(out, workspace)));

  program
    .command('segment')
    .description("show one segment's member count, and with --members its members")
    .argument('<workspace>', 'the .tailor workspace file')
    .argument('<name>', 'the segment (name or id)')
    .option('--members', 'list its members (id, email, name)')
    .option('--limit <n>', 'how many members to list (default 100, at most 1000)', parseLimit)
    .option('--as-of <date>', "evaluate a dynamic segment's rule at this date (yyyy-mm-dd; default: its own, else today)", parseAsOf)
    .action(
      action((out, workspace: string, name: string, opts: { members?: boolean; limit?: number; asOf?: string }) =>
        segmentCommand(out, workspace, name, opts),
      ),
    );

  program
    .command('qa')
    .description(
      'render a template for every recipient (a segment or the workspace) and report empty tokens, branches, errors, URLs, sizes and lint; exits 3 when something blocks a send',
    )
    .argument('<workspace>', 'the .tailor workspace file')
    .requiredOption('--template <name>', 'the template (name or id)')
    .option('--segment <name>', 'the segment (name or id; default: every customer)')
    .action(action((out, workspace: string, opts: { template: string; segment?: string }) => qaCommand(out, workspace, opts)));

  program
    .command('serve')
    .description('run Tailor in your web browser (loopback only)')
    .argument('[workspace]', 'the workspace to open (default: the demo workspace, created on first run)')
    .option('--port <n>', 'the port to listen on (default: a free port)', parsePort)
    .option('--open', 'open the system browser')
    .option('--dev-origin <url>', 'also accept requests from this origin (the Vite dev server)', parseUrl)
    .action(
      action((out, workspace: string | undefined, opts: { port?: number; open?: boolean; devOrigin?: string }) =>
        serveCommand(out, workspace, opts),
      ),
    );

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end through here too, with exit code 0.
      if (error.exitCode === 0) return EXIT.ok;
      if (usageOut.json) usageOut.document({ error: { code: 'usage', message: error.message.replace(/^error: /, '') } });
      return EXIT.usage;
    }
    return usageOut.failure(error);
  }
}

/** Entry for bin/tailor.js and `npm run tailor`: the process exits with run()'s code once output has drained. */
export async function main(): Promise<void> {
  // `npm run tailor -- import shop.tailor …` runs in the package folder; relative paths mean the user's folder.
  const invokedFrom = process.env.INIT_CWD;
  if (process.env.npm_lifecycle_event === 'tailor' && invokedFrom) process.chdir(invokedFrom);
  // A reader that stops early (`tailor audit shop.tailor | head`) closes the pipe: stop quietly, as Unix tools do,
  // instead of dying on the next write with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(EXIT.ok);
  });
  process.exitCode = await run(process.argv.slice(2));
}

// Guarded because test runners load this file as a module without CommonJS globals.
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  void main();
}

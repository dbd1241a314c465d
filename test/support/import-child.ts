/**
 * A process that imports a customers file into a workspace and reports its
 * progress on stdout (one line per update), so a test can kill it mid-import
 * with SIGKILL: nothing runs after that, as when Tailor is killed.
 *   node --import tsx test/support/import-child.ts <workspace> <csv>
 */
import { openDatabase } from '../../electron/workspace/db';
import { importCustomers } from '../../electron/workspace/import';

const [workspace, csv] = process.argv.slice(2);
if (workspace === undefined || csv === undefined) throw new Error('usage: import-child.ts <workspace> <csv>');
const db = openDatabase(workspace, { create: false });
void importCustomers(db, csv, {
  batchSize: 500,
  parseThread: true,
  control: { progress: (update) => process.stdout.write(`rows ${update.rows}\n`) },
}).then((report) => process.stdout.write(`finished ${report.status}\n`));

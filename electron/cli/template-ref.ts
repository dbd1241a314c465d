import fs from 'node:fs';
import path from 'node:path';
import type { Client, Input } from '../../shared/contract/contract';
import { ContractError } from '../../shared/contract/envelope';

/** Template files the CLI reads from disk instead of looking the argument up in the workspace. */
const TEMPLATE_FILE = /\.(mjml|html?|liquid)$/i;

export interface ResolvedTemplate {
  ref: Input<'render.customer'>['template'];
  /** What diagnostics are reported against: the file as the user typed it, or the stored template's name. */
  label: string;
}

const isFile = (file: string): boolean => {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * `--template` takes a template file, a stored template's id, or its name
 * (case-insensitive). A file wins so that `render --template welcome.mjml`
 * always means the file next to the user, whatever the workspace holds.
 */
export async function resolveTemplate(client: Client, arg: string): Promise<ResolvedTemplate> {
  const looksLikeFile = TEMPLATE_FILE.test(arg);
  if (looksLikeFile && isFile(arg)) {
    let source: string;
    try {
      source = fs.readFileSync(arg, 'utf8');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ContractError('bad_file', `Could not read ${arg}: ${reason}`);
    }
    return { ref: { name: path.basename(arg), source }, label: arg };
  }

  const templates = await client.call('templates.list', {});
  if (/^\d+$/.test(arg)) {
    const byId = templates.find((template) => template.id === Number(arg));
    if (byId) return { ref: { id: byId.id }, label: byId.name };
  }
  const wanted = arg.trim().toLowerCase();
  const byName = templates.find((template) => template.name.toLowerCase() === wanted);
  if (byName) return { ref: { id: byName.id }, label: byName.name };

  const known = templates.length > 0 ? templates.map((template) => template.name).join(', ') : '(none)';
  const fileHint = looksLikeFile ? ` (and there is no file at ${path.resolve(arg)})` : '';
  throw new ContractError('not_found', `no template named ${arg}${fileHint}; templates: ${known}`);
}

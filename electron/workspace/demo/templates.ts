import fs from 'node:fs';
import path from 'node:path';
import { assetsDir } from '../../services/paths';

export interface StarterTemplate {
  readonly name: string;
  readonly file: string;
}

/** Fixed order and names, so demo template ids never depend on directory listing order. */
export const STARTER_TEMPLATES: readonly StarterTemplate[] = [
  { name: 'Segment offer', file: 'segment-offer.mjml' },
  { name: 'We miss you', file: 'we-miss-you.mjml' },
  { name: 'Loyalty thank-you', file: 'loyalty-thank-you.mjml' },
];

export const starterTemplatesDir = (): string => path.join(assetsDir(), 'templates');

/** The bundled starter templates with their MJML source. */
export function loadStarterTemplates(dir: string = starterTemplatesDir()): { name: string; source: string }[] {
  return STARTER_TEMPLATES.map(({ name, file }) => ({ name, source: fs.readFileSync(path.join(dir, file), 'utf8') }));
}

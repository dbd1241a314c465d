import type { TemplateVariant } from '../../shared/contract/authoring-schemas';
import type { Db } from './db';
import { getTemplate } from './templates-repo';

export const readVariants = (db: Db, templateId: number): TemplateVariant[] =>
  (
    db.prepare('SELECT name, split, subject FROM template_variants WHERE template_id = ? ORDER BY position').all(templateId) as {
      name: string;
      split: number;
      subject: string | null;
    }[]
  ).map((row) => ({ name: row.name, split: row.split, subject: row.subject }));

/** Replace a template's variants (an empty list ends the A/B test). Validated by the contract: distinct names, splits adding up to 100. */
export function saveVariants(db: Db, templateId: number, variants: readonly TemplateVariant[]): TemplateVariant[] {
  getTemplate(db, templateId);
  const insert = db.prepare('INSERT INTO template_variants (template_id, position, name, split, subject) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    db.prepare('DELETE FROM template_variants WHERE template_id = ?').run(templateId);
    variants.forEach((variant, position) => insert.run(templateId, position, variant.name, variant.split, variant.subject));
  })();
  return readVariants(db, templateId);
}

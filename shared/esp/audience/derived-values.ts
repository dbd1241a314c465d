import type { Template } from 'liquidjs';
import type { DialectAttribute } from '../esp';
import type { LiquidContext } from '../../templates/customer-context';
import { createLiquid } from '../../templates/liquid-engine';

/**
 * The values of derived attributes for one contact: each attribute's Liquid
 * expression rendered by Tailor's own engine over the customer context
 * previews render with, so the uploaded column prints what the preview
 * printed. Parsed once per expression; an expression that fails prints
 * nothing, as the preview would show no value.
 */
export class DerivedValues {
  private readonly liquid = createLiquid();
  private readonly parsed = new Map<string, Template[] | null>();

  constructor(readonly attributes: readonly DialectAttribute[]) {}

  private templates(expression: string): Template[] | null {
    if (!this.parsed.has(expression)) {
      let templates: Template[] | null;
      try {
        templates = this.liquid.parse(`{{ ${expression} }}`);
      } catch {
        templates = null;
      }
      this.parsed.set(expression, templates);
    }
    return this.parsed.get(expression) ?? null;
  }

  /** Attribute name → rendered text, for every attribute that carries an expression. */
  of(context: LiquidContext): Record<string, string> {
    const values: Record<string, string> = {};
    for (const { attribute, expression } of this.attributes) {
      if (expression === undefined) continue;
      const templates = this.templates(expression);
      try {
        values[attribute] = templates ? String(this.liquid.renderSync(templates, context, { globals: context })) : '';
      } catch {
        values[attribute] = '';
      }
    }
    return values;
  }
}

/** The derived attributes of converted outputs (HTML and text part), one per attribute name. */
export function derivedAttributes(...attributes: readonly (readonly DialectAttribute[])[]): DialectAttribute[] {
  const byName = new Map<string, DialectAttribute>();
  for (const attribute of attributes.flat())
    if (attribute.expression !== undefined && !byName.has(attribute.attribute)) byName.set(attribute.attribute, attribute);
  return [...byName.values()];
}

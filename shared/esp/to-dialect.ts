import { createLiquid } from '../templates/liquid-engine';
import type { PartialLookup } from '../templates/partials';
import { SCORES } from '../scores/score-names';
import { DERIVED_TOKEN_PREFIX, type DialectAttribute, type DialectOutput, type EspFieldMap, type EspId } from './esp';
import { writeBraze } from './dialects/braze';
import { type DialectContext, warningCollector, type Writer } from './dialects/context';
import { derivedTagName } from './dialects/derived';
import { attributeFor, defaultFieldMap, NATIVE_OUTPUTS } from './dialects/field-map';

export { defaultFieldMap } from './dialects/field-map';
import { isSegmentToken } from './dialects/ir';
import { readLiquid } from './dialects/liquid-tree';
import { writeHubspot } from './dialects/hubspot';
import { writeKlaviyo } from './dialects/klaviyo';
import { writeMailchimp } from './dialects/mailchimp';
import { writeSfmc } from './dialects/sfmc';
import { segmentTestsFor } from './dialects/segment-values';
import { booleanFieldTests } from './dialects/boolean-fields';
import type { FieldCatalogue } from '../fields/catalogue';
import { fieldTokens } from './dialects/tokens';

const WRITERS: Readonly<Record<EspId, Writer>> = {
  braze: writeBraze,
  klaviyo: writeKlaviyo,
  hubspot: writeHubspot,
  sfmc: writeSfmc,
  mailchimp: writeMailchimp,
};

/** Tailor's own Liquid setup, so the converters read exactly the tree previews render. */
const liquid = createLiquid();

export interface DialectOptions {
  /** The workspace's partials: `{% render 'footer' %}` is written out with the partial's content. */
  partials?: PartialLookup;
  /** The workspace's typed fields: a condition on a boolean one is written so the ESP reads `false` as false. */
  fields?: FieldCatalogue;
}

const kindOf = (token: string): DialectAttribute['kind'] => (isSegmentToken(token) ? 'segment' : token in SCORES ? 'score' : 'field');

/**
 * Rewrites Liquid-bearing HTML (the compiled MJML, Liquid left intact) into
 * the ESP's personalization language, from liquidjs' parsed tree
 * (`dialects/liquid-tree.ts`), one writer per ESP (`dialects/<esp>.ts`).
 * `fieldMap` names the ESP attribute of any token; the others get the ESP's
 * default (`dialects/field-map.ts`). What the ESP cannot express is a warning
 * with its line, never a silent loss; segment conditions become tests of
 * plain attributes listed in `attributes` for the audience CSV.
 */
export function toDialect(html: string, esp: EspId, fieldMap: EspFieldMap, options: DialectOptions = {}): DialectOutput {
  const { warn, warnings } = warningCollector();
  let nodes;
  try {
    nodes = readLiquid(liquid, html, options.partials);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line:(\d+)/.exec(message)?.[1];
    return {
      esp,
      source: html,
      warnings: [
        { line: line ? Number(line) : null, construct: '', message: `The Liquid could not be read, so nothing was converted: ${message}` },
      ],
      attributes: [],
    };
  }
  const defaults = defaultFieldMap(esp, fieldTokens(nodes));
  const attributes = new Map<string, string>();
  /** Derived tag → the expression it stands for. */
  const derived = new Map<string, string>();
  const byExpression = new Map<string, string>();
  const named = new Set([...Object.values(fieldMap), ...Object.values(defaults)].map((name) => name.toLowerCase()));
  const context: DialectContext = {
    esp,
    warn,
    attribute(token) {
      const name = attributeFor(esp, token, fieldMap, defaults);
      if (!attributes.has(token)) attributes.set(token, name);
      return name;
    },
    derived(expression) {
      const known = byExpression.get(expression);
      if (known !== undefined) return known;
      const name = derivedTagName(expression, (tag) => named.has(tag.toLowerCase()) || derived.has(tag));
      derived.set(name, expression);
      byExpression.set(expression, name);
      return name;
    },
    native(token) {
      const mapped = fieldMap[token];
      return mapped !== undefined && mapped.trim() !== '' ? null : (NATIVE_OUTPUTS[token]?.[esp] ?? null);
    },
    evaluate(source) {
      try {
        return liquid.parseAndRenderSync(source, {}) as string;
      } catch {
        return null;
      }
    },
  };
  const isBoolean = (token: string) => options.fields?.[token]?.type === 'boolean';
  const source = WRITERS[esp](booleanFieldTests(esp, segmentTestsFor(esp, nodes), isBoolean), context);
  return {
    esp,
    source,
    warnings,
    attributes: [
      ...[...attributes].map(([token, attribute]) => ({ token, attribute, kind: kindOf(token) })),
      ...[...derived].map(([attribute, expression]) => ({
        token: `${DERIVED_TOKEN_PREFIX}${attribute}`,
        attribute,
        kind: 'derived' as const,
        expression,
      })),
    ],
  };
}

/**
 * The tokens a template reads that become audience attributes (fields, scores,
 * `segment:<name>`), in order of first use: what the export dialog's field map
 * lists before anything is converted. Tokens the ESP fills itself (the
 * unsubscribe link) are left out; Liquid that does not parse reads nothing.
 */
export function templateTokens(html: string, options: DialectOptions = {}): string[] {
  try {
    return fieldTokens(readLiquid(liquid, html, options.partials)).filter((token) => !(token in NATIVE_OUTPUTS));
  } catch {
    return [];
  }
}

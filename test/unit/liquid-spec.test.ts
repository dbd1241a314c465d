import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { partialsFromMap } from '../../shared/templates/partials';
import { createLiquid } from '../../shared/templates/liquid-engine';

/**
 * Shopify's liquid-spec conformance cases (test/fixtures/liquid-spec, see its
 * SOURCE.md) run against the one Liquid configuration previews and exports
 * use (`createLiquid`). The pass rate is reported; every failure must be in
 * known-failures.json with its reason (docs/liquid-spec.md explains each
 * reason), so a change that breaks a passing case, or fixes a known one,
 * fails here until the list is updated.
 */

interface Spec {
  name: string;
  template: string;
  environment?: Record<string, unknown>;
  expected?: string;
  expected_pattern?: string;
  errors?: { parse_error?: string[]; render_error?: string[]; output?: string[] };
  filesystem?: Record<string, string>;
  error_mode?: string | string[];
  render_errors?: boolean;
  features?: string[];
}

type Suites = Record<string, Record<string, { features: string[]; specs: Spec[] }>>;

const FIXTURES = path.resolve('test/fixtures/liquid-spec');
const suites = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'specs.json'), 'utf8')) as Suites;
const known = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'known-failures.json'), 'utf8')) as Record<string, string>;

/** What a JavaScript engine cannot run: the specs say so themselves (SOURCE.md). */
const RUBY_ONLY = new Set(['ruby_drops', 'ruby_types', 'drop_class_output', 'binary_data', 'drops']);

function skipReason(spec: Spec, fileFeatures: readonly string[]): string | null {
  const needs = [...fileFeatures, ...(spec.features ?? [])].filter((feature) => RUBY_ONLY.has(feature));
  if (needs.length > 0) return `needs ${needs.join(', ')}`;
  // Drops are written as `instantiate:Class` keys (a complex YAML key reads as "[object Object]").
  if (/instantiate:|\[object Object\]/.test(JSON.stringify(spec.environment ?? {}))) return 'needs drops';
  return null;
}

/** A Ruby regexp's inline flags (`(?m)`: dot matches newline) in JavaScript terms. */
function pattern(source: string): RegExp {
  const dotAll = source.startsWith('(?m)');
  return new RegExp(dotAll ? source.slice(4) : source, dotAll ? 's' : '');
}

const includesAll = (text: string, parts: readonly string[]) => parts.every((part) => text.toLowerCase().includes(part.toLowerCase()));

async function passes(spec: Spec): Promise<boolean> {
  const liquid = createLiquid({ partials: partialsFromMap(new Map(Object.entries(spec.filesystem ?? {}))) });
  let output: string;
  try {
    const templates = liquid.parse(spec.template);
    try {
      output = (await liquid.render(templates, spec.environment ?? {})) as string;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return spec.errors?.render_error !== undefined && includesAll(message, spec.errors.render_error);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return spec.errors?.parse_error !== undefined && includesAll(message, spec.errors.parse_error);
  }
  if (spec.errors) return spec.errors.output !== undefined && includesAll(output, spec.errors.output);
  if (spec.expected_pattern !== undefined) return pattern(spec.expected_pattern).test(output);
  return output === spec.expected;
}

describe('liquid-spec conformance of our Liquid configuration', () => {
  it('passes every case except the known, documented failures', async () => {
    const failures: string[] = [];
    const skipped: Record<string, number> = {};
    let run = 0;
    for (const [suite, files] of Object.entries(suites)) {
      for (const [file, { features, specs }] of Object.entries(files)) {
        for (const spec of specs) {
          const reason = skipReason(spec, features);
          if (reason) {
            skipped[reason] = (skipped[reason] ?? 0) + 1;
            continue;
          }
          run++;
          if (!(await passes(spec))) failures.push(`${suite}/${file}: ${spec.name}`);
        }
      }
    }
    const passed = run - failures.length;
    const report = {
      run,
      passed,
      passRate: Number(((passed / run) * 100).toFixed(1)),
      skipped,
      failuresByReason: Object.entries(
        failures.reduce<Record<string, number>>((counts, name) => {
          const reason = known[name] ?? 'NEW FAILURE';
          counts[reason] = (counts[reason] ?? 0) + 1;
          return counts;
        }, {}),
      ).sort((a, b) => b[1] - a[1]),
    };
    fs.mkdirSync('test/output', { recursive: true });
    fs.writeFileSync('test/output/liquid-spec-report.json', `${JSON.stringify({ ...report, failures }, null, 2)}\n`);
    console.log(`liquid-spec: ${passed}/${run} passed (${report.passRate}%), ${Object.values(skipped).reduce((a, b) => a + b, 0)} skipped`);

    const unexpected = failures.filter((name) => !(name in known));
    const nowPassing = Object.keys(known).filter((name) => !failures.includes(name));
    expect(unexpected, 'new failures: fix them, or list them with a reason in known-failures.json').toEqual([]);
    expect(nowPassing, 'known failures that pass now: remove them from known-failures.json').toEqual([]);
  }, 240_000);
});

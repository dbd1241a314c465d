import {
  analyzeSync,
  LiquidError,
  Output,
  Tag,
  toValueSync,
  TypeGuards,
  Value,
  type QuotedToken,
  type Template,
  type Token,
  type Variable,
} from 'liquidjs';
import { createLiquid, liquidDiagnostic } from '../../../../shared/templates/liquid-engine';
import { didYouMean } from './did-you-mean';
import { describeFill, isKnownRoot, lookupToken, spellings, type TokenCatalog, type TokenInfo } from './token-catalog';

export type LanguageCode = 'liquid-syntax' | 'unknown-token' | 'missing-fallback' | 'unknown-segment' | 'unknown-label';

/**
 * A problem in the template, at exact offsets of its source. `replacement`
 * is what the quick fix writes over the range ("did you mean"); `fallback`
 * is the `| default:` value the quick fix offers after the token.
 */
export interface LanguageDiagnostic {
  severity: 'error' | 'warning';
  code: LanguageCode;
  message: string;
  start: number;
  end: number;
  replacement?: string;
  fallback?: string;
}

// Partials are checked by the host against the workspace (which the worker cannot see): here any name parses.
const liquid = createLiquid({ partials: () => '' });

/** The `default` value a quick fix proposes: a greeting for names, the dictionary's fallback, else empty. */
export function suggestedFallback(token: TokenInfo): string {
  if (token.fallback !== null) return token.fallback;
  return /(^|_)(first_|full_|last_)?name$/.test(token.name) ? 'there' : '';
}

/**
 * Every check the editor shows while typing, on the parsed template: Liquid
 * syntax errors at their token, unknown tokens with the nearest known
 * spelling, output tokens without `| default:` whose fill rate is under 100%,
 * and conditions on a segment or label that does not exist. Pure, so it runs
 * in the diagnostics worker and in unit tests alike.
 */
export function analyzeTemplate(source: string, catalog: TokenCatalog): LanguageDiagnostic[] {
  let templates: Template[];
  try {
    templates = liquid.parse(source);
  } catch (error) {
    return [syntaxDiagnostic(source, error)];
  }
  const found: LanguageDiagnostic[] = [];
  if (catalog.loaded) found.push(...unknownTokens(source, templates, catalog));
  walk(templates, [], (template, guarded) => {
    if (template instanceof Output) {
      const missing = missingFallback(template, guarded, catalog);
      if (missing) found.push(missing);
    } else if (template instanceof Tag) {
      found.push(...conditionProblems(template, catalog));
    }
  });
  return found.sort((a, b) => a.start - b.start);
}

function syntaxDiagnostic(source: string, error: unknown): LanguageDiagnostic {
  const message = liquidDiagnostic(error).message;
  const token = error instanceof LiquidError ? (error.token as Token | undefined) : undefined;
  if (!token) return { severity: 'error', code: 'liquid-syntax', message, start: 0, end: Math.min(source.length, 1) };
  // An unknown filter is marked on its name, not on the whole output.
  const filter = /undefined filter: ([\w-]+)/.exec(message)?.[1];
  const at = filter ? source.indexOf(filter, token.begin) : -1;
  if (filter && at !== -1 && at < token.end)
    return { severity: 'error', code: 'liquid-syntax', message, start: at, end: at + filter.length };
  // An unclosed `{{` reads to the end of the file: keep the squiggle on the line where it starts.
  const lineEnd = source.indexOf('\n', token.begin);
  const end = token.end > token.begin ? token.end : token.begin + 1;
  return {
    severity: 'error',
    code: 'liquid-syntax',
    message,
    start: token.begin,
    end: lineEnd === -1 || end <= lineEnd ? end : Math.max(lineEnd, token.begin + 1),
  };
}

/** Visit every template, knowing the variables that guard it (`{% if first_name %}` around a token). */
function walk(templates: readonly Template[], guarded: readonly string[], visit: (template: Template, guarded: readonly string[]) => void) {
  for (const template of templates) {
    visit(template, guarded);
    const branches = template instanceof Tag ? conditionBranches(template) : null;
    if (branches) {
      for (const branch of branches) walk(branch.templates, [...guarded, ...branch.guards], visit);
    } else if (template.children) {
      const inner = template instanceof Tag && template.name === 'case' ? [...guarded, ...guards(template)] : guarded;
      walk(toValueSync(template.children(false, true)), inner, visit);
    }
  }
}

/** How liquidjs's `if` and `unless` tags hold their branches. */
interface ConditionTag {
  branches: { value: Value; templates: Template[] }[];
  elseTemplates?: Template[] | undefined;
}

/**
 * Each branch of an `if` / `unless` with the variables known to be filled
 * there. A branch is reached when its own condition holds and every earlier
 * one failed: `{% if first_name %}` fills first_name in its branch only, and
 * its `else` is where first_name is empty; `{% unless first_name == blank %}`
 * fills it in its body.
 */
function conditionBranches(tag: Tag): { templates: Template[]; guards: string[] }[] | null {
  if (tag.name !== 'if' && tag.name !== 'unless') return null;
  const { branches, elseTemplates } = tag as unknown as ConditionTag;
  const failed: string[] = [];
  const out = branches.map((branch, index) => {
    const tested = testedVariables(branch.value);
    // `unless` runs its first branch when the condition fails; its elsif and else come after it held.
    const negated = tag.name === 'unless' && index === 0;
    const guards = [...failed, ...(negated ? tested.whenFalse : tested.whenTrue)];
    failed.push(...(negated ? tested.whenTrue : tested.whenFalse));
    return { templates: branch.templates, guards };
  });
  return [...out, { templates: elseTemplates ?? [], guards: failed }];
}

const EMPTY_LITERALS = new Set(['blank', 'empty', 'nil', 'null']);

/** The variables a condition shows to be filled when it holds (`first_name`, `first_name != blank`) and when it fails (`first_name == blank`). */
function testedVariables(value: Value): { whenTrue: string[]; whenFalse: string[] } {
  const postfix = value.initial.postfix;
  const emptied = new Set<Token>();
  postfix.forEach((token, index) => {
    if (!TypeGuards.isOperatorToken(token) || token.operator !== '==') return;
    const operands = [postfix[index - 2], postfix[index - 1]];
    const isEmpty = operands.some(
      (operand) =>
        (TypeGuards.isLiteralToken(operand) && EMPTY_LITERALS.has(operand.literal)) ||
        (TypeGuards.isQuotedToken(operand) && operand.content === ''),
    );
    if (isEmpty) operands.forEach((operand) => operand && TypeGuards.isPropertyAccessToken(operand) && emptied.add(operand));
  });
  const variables = postfix.filter(TypeGuards.isPropertyAccessToken);
  return {
    whenTrue: variables.filter((token) => !emptied.has(token)).map((token) => token.getText()),
    whenFalse: variables.filter((token) => emptied.has(token)).map((token) => token.getText()),
  };
}

function guards(tag: Tag): string[] {
  return [...((tag as Template).arguments?.() ?? [])].flatMap((argument) =>
    argument instanceof Value ? argument.initial.postfix.filter(TypeGuards.isPropertyAccessToken).map((token) => token.getText()) : [],
  );
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function unknownTokens(source: string, templates: Template[], catalog: TokenCatalog): LanguageDiagnostic[] {
  const { globals } = analyzeSync(templates, { partials: false });
  const starts = lineStarts(source);
  const names = spellings(catalog);
  const found: LanguageDiagnostic[] = [];
  for (const variable of Object.values(globals).flat()) {
    const problem = unknownSegment(variable, catalog);
    if (!problem) continue;
    const at = (starts[variable.location.row - 1] ?? 0) + variable.location.col - 1;
    const start = source.indexOf(problem, at);
    if (start === -1 || start > at + 200) continue;
    const suggestion = didYouMean(
      problem,
      names.filter((name) => !name.includes('.')),
    );
    found.push({
      severity: 'warning',
      code: 'unknown-token',
      message: `Unknown token "${problem}": no field, score or dictionary entry has this name.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
      start,
      end: start + problem.length,
      ...(suggestion ? { replacement: suggestion } : {}),
    });
  }
  return found;
}

/** The unknown part of a variable's path, if any: its root, or the name after `customer.` / `computed.`. */
function unknownSegment(variable: Variable, catalog: TokenCatalog): string | null {
  const [root, second] = variable.segments;
  if (typeof root !== 'string') return null;
  if (!isKnownRoot(catalog, root)) return root;
  if ((root === 'customer' || root === 'computed') && typeof second === 'string' && !lookupToken(catalog, [root, second])) return second;
  return null;
}

function pathOf(text: string): string[] | null {
  return /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/.test(text) ? text.split('.') : null;
}

function missingFallback(output: Output, guarded: readonly string[], catalog: TokenCatalog): LanguageDiagnostic | null {
  const { initial, filters } = output.value;
  const [only] = initial.postfix;
  if (initial.postfix.length !== 1 || !only || !TypeGuards.isPropertyAccessToken(only)) return null;
  if (filters.some((filter) => filter.name === 'default')) return null;
  const text = only.getText();
  const path = pathOf(text);
  const token = path && lookupToken(catalog, path);
  if (!token || token.fillRate === null || token.fillRate >= 1 || token.fallback !== null) return null;
  if (guarded.includes(text)) return null;
  return {
    severity: 'warning',
    code: 'missing-fallback',
    message: `${token.name} is ${describeFill(token) ?? 'not always filled'}: customers without it get nothing here. Add a fallback with | default: "…".`,
    start: only.begin,
    end: only.end,
    fallback: suggestedFallback(token),
  };
}

const CONDITION_OPERATORS = new Set(['==', '!=', '<>', 'contains']);

/** `customer.segments contains 'VIPs'` when no segment is called that; `rfm_tier == 'Champs'` when no customer holds it. */
function conditionProblems(tag: Tag, catalog: TokenCatalog): LanguageDiagnostic[] {
  if (tag.name === 'case') return caseProblems(tag, catalog);
  if (!['if', 'unless', 'elsif'].includes(tag.name)) return [];
  const found: LanguageDiagnostic[] = [];
  for (const argument of (tag as Template).arguments?.() ?? []) {
    if (!(argument instanceof Value)) continue;
    const postfix = argument.initial.postfix;
    postfix.forEach((operator, index) => {
      if (!TypeGuards.isOperatorToken(operator) || !CONDITION_OPERATORS.has(operator.operator)) return;
      const [a, b] = [postfix[index - 2], postfix[index - 1]];
      const variable = [a, b].find((token) => token && TypeGuards.isPropertyAccessToken(token));
      const quoted = [a, b].find((token) => token && TypeGuards.isQuotedToken(token));
      if (!variable || !quoted || !TypeGuards.isQuotedToken(quoted)) return;
      const path = pathOf(variable.getText());
      const token = path && lookupToken(catalog, path);
      if (!token) return;
      const value = quoted.content;
      if (token.kind === 'segments' && operator.operator === 'contains' && catalog.loaded && !catalog.segments.includes(value)) {
        const suggestion = didYouMean(value, catalog.segments);
        found.push({
          severity: 'warning',
          code: 'unknown-segment',
          message: `No segment is called "${value}", so this condition is never true.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
          start: quoted.begin,
          end: quoted.end,
          ...(suggestion ? { replacement: requote(quoted.getText(), suggestion) } : {}),
        });
      } else if (operator.operator !== 'contains') {
        const problem = labelProblem(token, quoted);
        if (problem) found.push(problem);
      }
    });
  }
  return found;
}

/** `{% case rfm_tier %}{% when 'Champs' %}`: each quoted `when` value against the labels the score holds. */
function caseProblems(tag: Tag, catalog: TokenCatalog): LanguageDiagnostic[] {
  const { value, branches } = tag as unknown as { value: Value; branches: { values: unknown[] }[] };
  const [only] = value.initial.postfix;
  if (value.initial.postfix.length !== 1 || !TypeGuards.isPropertyAccessToken(only)) return [];
  const path = pathOf(only.getText());
  const token = path && lookupToken(catalog, path);
  if (!token) return [];
  return branches
    .flatMap((branch) => branch.values)
    .filter(TypeGuards.isQuotedToken)
    .flatMap((quoted) => labelProblem(token, quoted) ?? []);
}

/** A label score compared with a label no customer holds. */
function labelProblem(token: TokenInfo, quoted: QuotedToken): LanguageDiagnostic | null {
  const value = quoted.content;
  if (token.kind !== 'score' || token.labels.length === 0 || token.labels.includes(value)) return null;
  const suggestion = didYouMean(value, token.labels);
  return {
    severity: 'warning',
    code: 'unknown-label',
    message: `No customer has ${token.name} "${value}" (it holds ${token.labels.slice(0, 6).join(', ')}${token.labels.length > 6 ? '…' : ''}).${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    start: quoted.begin,
    end: quoted.end,
    ...(suggestion ? { replacement: requote(quoted.getText(), suggestion) } : {}),
  };
}

/** The suggestion in the quotes the author used. */
const requote = (written: string, value: string): string => `${written[0] ?? "'"}${value}${written[0] ?? "'"}`;

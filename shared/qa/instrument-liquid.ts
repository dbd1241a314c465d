import {
  CaseTag,
  IfTag,
  Output,
  toValueSync,
  TypeGuards,
  UnlessTag,
  type Context,
  type Template,
  type Token,
  type ValueToken,
  type FilteredValueToken,
} from 'liquidjs';
import type { QaBranchStat } from './qa-report';

/** Where a token of the HTML Liquid ran on was written in the author's source (see source-positions.ts). */
export type Locate = (token: Token) => { line: number; column: number } | null;

export type BranchMeta = Omit<QaBranchStat, 'taken' | 'examples'>;

export interface OutputMeta {
  /** The variable as written; null for an output of a literal or an expression (nothing to be empty). */
  token: string | null;
  line: number | null;
  /** The output has a `default:` filter, so an empty value prints its fallback. */
  fallback: boolean;
}

/** Told, during one render, which branches ran and which outputs were empty. */
export interface RenderRecorder {
  branch(index: number): void;
  emptyOutput(index: number): void;
}

export interface Instrumented {
  readonly branches: readonly BranchMeta[];
  readonly outputs: readonly OutputMeta[];
  /** Renders made while `recorder` is set report to it (renders are synchronous, so one at a time). */
  record(recorder: RenderRecorder | null): void;
}

const NO_RECORDER: RenderRecorder = { branch: () => undefined, emptyOutput: () => undefined };

/** A template node that renders nothing and tells the recorder its branch ran. */
const marker = (hit: () => void, token: Token): Template => ({
  token,
  render: () => {
    hit();
    return '';
  },
});

/** What `default:` replaces (and what prints nothing): nil, blank text, an empty list; `false` only under a default. */
const isEmpty = (value: unknown, fallback: boolean): boolean =>
  value === undefined ||
  value === null ||
  (value === false && fallback) ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

function textOf(tokens: readonly Token[]): string {
  const first = tokens[0];
  if (!first) return '';
  const begin = Math.min(...tokens.map((t) => t.begin));
  const end = Math.max(...tokens.map((t) => t.end));
  return first.input.slice(begin, end).trim();
}

function childrenOf(template: Template): Template[] {
  if (!template.children) return [];
  try {
    // Without partials: a `render` names a workspace partial, whose own tree is not this template's.
    return toValueSync<Template[]>(template.children(false, true));
  } catch {
    return [];
  }
}

/**
 * Bulk QA's view into a render: the parsed tree is changed in place (it must
 * be QA's own parse, never a shared cache) so that every branch of every
 * if / elsif / else / unless / case starts with a marker that reports it
 * ran, and every output first checks whether its variable is empty. Working
 * on the parsed tree rather than the text means a branch is a branch
 * wherever MJML put it, and the render itself is Liquid's own.
 */
export function instrumentLiquid(templates: Template[], locate: Locate): Instrumented {
  let recorder = NO_RECORDER;
  const branches: BranchMeta[] = [];
  const outputs: OutputMeta[] = [];
  let tags = 0;
  const lineOf = (token: Token | undefined): number | null => (token ? (locate(token)?.line ?? null) : null);

  const addBranch = (meta: BranchMeta, list: Template[], token: Token) => {
    const index = branches.length;
    branches.push(meta);
    list.unshift(marker(() => recorder.branch(index), token));
  };

  const visit = (list: Template[]) => {
    for (const template of [...list]) {
      if (template instanceof IfTag || template instanceof UnlessTag) {
        const tag = tags++;
        const kind = template instanceof IfTag ? 'if' : 'unless';
        const line = lineOf(template.token);
        let firstCondition = '';
        template.branches.forEach((branch, i) => {
          const postfix = branch.value.initial.postfix;
          const condition = i === 0 ? ((template.token as { args?: string }).args?.trim() ?? textOf(postfix)) : textOf(postfix);
          if (i === 0) firstCondition = condition;
          const at = i === 0 ? line : (lineOf(postfix[0]) ?? line);
          addBranch({ kind: i === 0 ? kind : 'elsif', implicit: false, condition, line: at, tag }, branch.templates, template.token);
        });
        const implicit = !template.elseTemplates?.length;
        const elseList = template.elseTemplates ?? [];
        template.elseTemplates = elseList;
        const elseLine = elseList[0] ? (lineOf(elseList[0].token) ?? line) : line;
        addBranch({ kind: 'else', implicit, condition: firstCondition, line: elseLine, tag }, elseList, template.token);
      } else if (template instanceof CaseTag) {
        const tag = tags++;
        const line = lineOf(template.token);
        const subject = (template.token as { args?: string }).args?.trim() ?? '';
        for (const branch of template.branches) {
          const values: readonly (ValueToken | FilteredValueToken)[] = branch.values;
          addBranch(
            { kind: 'when', implicit: false, condition: `${subject} == ${textOf(values)}`, line: lineOf(values[0]) ?? line, tag },
            branch.templates,
            template.token,
          );
        }
        const elseList = template.elseTemplates;
        const implicit = elseList.length === 0;
        addBranch(
          { kind: 'else', implicit, condition: subject, line: elseList[0] ? (lineOf(elseList[0].token) ?? line) : line, tag },
          elseList,
          template.token,
        );
      } else if (template instanceof Output) {
        instrumentOutput(template);
        continue;
      }
      visit(childrenOf(template).filter((child) => child.token !== undefined));
    }
  };

  const instrumentOutput = (output: Output) => {
    const postfix = output.value.initial.postfix;
    const only = postfix.length === 1 ? postfix[0] : undefined;
    const variable = only && TypeGuards.isPropertyAccessToken(only) ? only.getText().trim() : null;
    const index = outputs.length;
    const fallback = output.value.filters.some((f) => f.name === 'default');
    outputs.push({ token: variable, line: lineOf(output.token), fallback });
    if (variable === null) return;
    const render = output.render.bind(output);
    // A plain path (`first_name`, `customer.city`) is read with one synchronous lookup; anything dynamic
    // (`a[b]`) is evaluated as Liquid would, at the cost of a generator.
    const props = only && TypeGuards.isPropertyAccessToken(only) && !only.variable ? only.props : [];
    const path = props.every((prop) => TypeGuards.isWordToken(prop)) ? props.map((prop) => (prop as { content: string }).content) : null;
    const initial = output.value.initial;
    output.render = path
      ? (ctx: Context, emitter) => {
          if (isEmpty(ctx.getSync(path), fallback)) recorder.emptyOutput(index);
          return render(ctx, emitter);
        }
      : function* (ctx: Context, emitter) {
          const value: unknown = yield initial.evaluate(ctx, false);
          if (isEmpty(value, fallback)) recorder.emptyOutput(index);
          const rendered: unknown = yield render(ctx, emitter);
          return rendered;
        };
  };

  visit(templates);
  return {
    branches,
    outputs,
    record: (next) => {
      recorder = next ?? NO_RECORDER;
    },
  };
}

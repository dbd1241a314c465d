import os from 'node:os';
import path from 'node:path';
import type { Handlers, ParsedInput } from '../../shared/contract/contract';
import { ContractError } from '../../shared/contract/envelope';
import type { Customer, Persona, PersonaPreview } from '../../shared/contract/schemas';
import { displayName } from '../../shared/templates/customer-context';
import { profileCustomer } from '../../shared/qa/profile-customer';
import { computedTokens } from '../services/computed-tokens';
import { exportEmail } from '../services/export-email';
import { exportFolderName } from '../services/export-folder';
import { EXPORT_BUDGET_MS, renderMany } from '../services/render/service';
import { SegmentMembers } from '../services/segment-members';
import { BLANK_TEMPLATE, starterGallery } from '../services/starters/gallery';
import { fieldCatalogue, findCustomer, firstCustomerMatching } from '../workspace/customers-repo';
import type { Db } from '../workspace/db';
import { listPersonas } from '../workspace/personas-repo';
import { isMember } from '../workspace/personas/segment-step';
import { getSegmentRule, segmentFilter } from '../workspace/segments-repo';
import {
  createTemplate,
  deleteTemplate,
  getTemplate,
  listTemplates,
  renameTemplate,
  saveTemplate,
  uniqueTemplateName,
} from '../workspace/templates-repo';
import type { HandlerContext } from './context';
import { readVariants } from '../workspace/template-variants-repo';
import { variantSource } from '../../shared/templates/variants';
import { workspaceRenderInputs } from '../services/render/workspace-inputs';

type TemplateRef = ParsedInput<'export.run'>['template'];

function resolveTemplate(db: Db | null, ref: TemplateRef): { name: string; source: string } {
  if ('source' in ref) return ref;
  if (!db) throw new ContractError('no_workspace', 'No workspace is open. Open one to use its templates.');
  return getTemplate(db, ref.id);
}

const segmentMembers = new SegmentMembers();

/** A refresh running longer than this is replaced by the next one. */
const SUPERSEDE_AFTER_MS = 1_000;

/** The customer a persona shows: a fixed one, or the first member of a segment (found without counting it, and remembered). */
export function personaCustomer(db: Db, persona: Persona): { customer: Customer | null; problem: string | null } {
  if (persona.source.kind === 'customer') {
    const customer = findCustomer(db, persona.source.customerId);
    return customer
      ? { customer, problem: null }
      : { customer: null, problem: `Customer ${persona.source.customerId} is no longer in this workspace. Pick another customer.` };
  }
  if (persona.source.kind === 'profile') return { customer: profileCustomer(persona.id, persona.source.profile), problem: null };
  let segment: ReturnType<typeof getSegmentRule>;
  const segmentId = persona.source.segmentId;
  try {
    segment = getSegmentRule(db, segmentId);
  } catch (error) {
    // An unreadable or deleted segment is this persona's problem, not every preview's.
    if (error instanceof ContractError) return { customer: null, problem: error.message };
    throw error;
  }
  // The member chosen with next / previous / random, while it is still a member.
  const memberId = persona.source.memberId;
  if (memberId !== undefined && isMember(db, segmentFilter(db, segmentId), memberId)) {
    const member = findCustomer(db, memberId);
    if (member) return { customer: member, problem: null };
  }
  // A static segment's members are its snapshot; a dynamic one's its rule today (or at its own as-of date).
  const find = () => firstCustomerMatching(db, segmentFilter(db, segmentId))?.id ?? null;
  // Keyed by segment as well as rule: a static segment and a dynamic one with the same rule differ.
  let id = segmentMembers.firstId(db, { segmentId, rule: segment.rule }, find);
  let customer = id === null ? null : findCustomer(db, id);
  // Remembered but gone (a customer removed behind our back): look again rather than show nobody.
  if (id !== null && !customer) {
    id = find();
    customer = id === null ? null : findCustomer(db, id);
  }
  return customer
    ? { customer, problem: null }
    : { customer: null, problem: `Segment "${segment.name}" has no members yet. Import customers or change its rules.` };
}

export function templateHandlers(
  ctx: HandlerContext,
): Pick<
  Handlers,
  | 'templates.list'
  | 'templates.get'
  | 'templates.create'
  | 'templates.save'
  | 'templates.rename'
  | 'templates.delete'
  | 'templates.starters'
  | 'preview.render'
  | 'render.customer'
  | 'export.run'
  | 'export.suggestDir'
> {
  const db = () => ctx.session.require().db;
  // A slow refresh still running when the next one arrives is stale (the designer typed on): stop it and free
  // its workers, so the newer one is not queued behind it. Fast ones are left alone: they may be another window's.
  const runningPreviews = new Map<AbortController, number>();
  return {
    'templates.list': () => listTemplates(db()),
    'templates.get': ({ id }) => getTemplate(db(), id),
    'templates.create': ({ name, source }) => createTemplate(db(), uniqueTemplateName(db(), name), source ?? BLANK_TEMPLATE),
    'templates.save': ({ id, source, base }) => saveTemplate(db(), id, source, base),
    'templates.rename': ({ id, name }) => renameTemplate(db(), id, name),
    'templates.delete': ({ id }) => {
      deleteTemplate(db(), id);
      return { ok: true as const };
    },
    'templates.starters': () => starterGallery(),

    'preview.render': async ({ source, personaIds, variant }) => {
      const personas = listPersonas(db()).filter((persona) => !personaIds || personaIds.includes(persona.id));
      const targets = personas.map((persona) => ({ persona, ...personaCustomer(db(), persona) }));
      const now = performance.now();
      for (const [running, startedAt] of runningPreviews) if (now - startedAt > SUPERSEDE_AFTER_MS) running.abort();
      const mine = new AbortController();
      runningPreviews.set(mine, now);
      const computed = computedTokens.tokensForMany(
        db(),
        targets.flatMap((target) => (target.customer ? [target.customer.id] : [])),
      );
      const { compiled, rendered, compileMs } = await renderMany(
        variant ? variantSource(source, variant) : source,
        targets.map((target) => target.customer),
        {
          cancel: mine.signal,
          fields: fieldCatalogue(db()),
          computed: (customer) => computed.get(customer.id),
          inputs: { ...workspaceRenderInputs(db()), variant: variant?.name },
        },
      ).finally(() => runningPreviews.delete(mine));
      const previews: PersonaPreview[] = targets.map(({ persona, customer, problem }, index) => {
        const base = { personaId: persona.id, label: persona.label, ...(variant ? { variant: variant.name } : {}) };
        const email = rendered[index];
        if (!customer || !email) return { ...base, customer: null, html: null, tokens: [], problem };
        return {
          ...base,
          customer: { id: customer.id, displayName: displayName(customer), email: customer.email },
          html: email.html,
          tokens: email.tokens,
          problem: email.problem,
        };
      });
      return { diagnostics: [...compiled.diagnostics], previews, compileMs };
    },

    'render.customer': async ({ template, customer: idOrEmail }) => {
      const { source } = resolveTemplate(ctx.session.get()?.db ?? null, template);
      const customer = findCustomer(db(), idOrEmail);
      if (!customer) throw new ContractError('not_found', `No customer with id or email "${idOrEmail}" in this workspace.`);
      const { compiled, rendered } = await renderMany(source, [customer], {
        ms: EXPORT_BUDGET_MS,
        fields: fieldCatalogue(db()),
        computed: (found) => computedTokens.tokensFor(db(), found.id),
        inputs: workspaceRenderInputs(db()),
      });
      const email = rendered[0];
      const diagnostics = [...compiled.diagnostics];
      // A render-time failure (a stopped render, a filter error) belongs with the diagnostics the caller prints.
      if (email?.problem && email.html === null && !diagnostics.some((d) => d.severity === 'error')) {
        diagnostics.push(email.diagnostic ?? { severity: 'error', source: 'render', message: email.problem, line: null, column: null });
      }
      return { html: email?.html ?? null, diagnostics, tokens: email?.tokens ?? [] };
    },

    'export.run': async ({ template, dir, personas, folder, replace }) => {
      const { name, source } = resolveTemplate(ctx.session.get()?.db ?? null, template);
      const workspace = ctx.session.get();
      const targets =
        personas && workspace
          ? listPersonas(workspace.db).map((p) => {
              const target = personaCustomer(workspace.db, p);
              const computed = target.customer ? computedTokens.tokensFor(workspace.db, target.customer.id) : undefined;
              return { label: p.label, ...target, computed };
            })
          : [];
      const fields = workspace ? fieldCatalogue(workspace.db) : {};
      const { partials, dictionary } = workspaceRenderInputs(workspace?.db ?? null);
      const variants = workspace && 'id' in template ? readVariants(workspace.db, template.id) : [];
      return exportEmail({ name, source, dir, folder, replace, personas: targets, fields, partials, dictionary, variants });
    },
    'export.suggestDir': ({ template }) => {
      const { name } = resolveTemplate(ctx.session.get()?.db ?? null, template);
      return { dir: path.join(os.homedir(), 'Tailor Exports'), folder: exportFolderName(name, new Date()) };
    },
  };
}

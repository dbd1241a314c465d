import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type TailorApp } from '../../electron/services/app';
import { openDatabase } from '../../electron/workspace/db';
import { stepMember } from '../../electron/workspace/personas/segment-step';
import { segmentFilter } from '../../electron/workspace/segments-repo';

/**
 * The persona picker's methods against a real demo workspace: search by id,
 * email, name and any field; stepping through a segment's members; and the
 * compiled HTML the "Compiled HTML" pane shows (CSS inlined, as exported).
 */
let app: TailorApp;
let dir: string;
let wsPath: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'tailor-pickers-'));
  process.env.TAILOR_HOME = path.join(dir, 'home');
  app = createApp({ host: 'direct', nativeDialogs: false });
  wsPath = path.join(dir, 'pickers.tailor');
  await app.client.call('workspace.create', { path: wsPath, demo: true });
});

afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('customers.search', () => {
  it('finds a customer by exact id first, by email, and by part of the full name', async () => {
    const someone = (await app.client.call('customers.list', { limit: 1, offset: 40 })).rows[0]!;
    const byId = await app.client.call('customers.search', { query: someone.id.toLowerCase() });
    expect(byId[0]?.customer.id).toBe(someone.id);
    expect(byId[0]?.matched).toBeNull();
    if (someone.email) {
      const byEmail = await app.client.call('customers.search', { query: someone.email.toUpperCase() });
      expect(byEmail[0]?.customer.id).toBe(someone.id);
    }
    const full = `${someone.first_name ?? ''} ${someone.last_name ?? ''}`.trim();
    const byName = await app.client.call('customers.search', { query: full, limit: 50 });
    expect(byName.map((m) => m.customer.id)).toContain(someone.id);
    for (const match of byName) {
      expect(`${match.customer.first_name ?? ''} ${match.customer.last_name ?? ''}`.toLowerCase()).toContain(full.toLowerCase());
    }
  });

  it('searches custom fields, says which field matched, and takes field:value for one field', async () => {
    const free = await app.client.call('customers.search', { query: 'platinum', limit: 10 });
    expect(free.length).toBeGreaterThan(0);
    for (const match of free) expect(match.matched).toEqual({ field: 'loyalty_tier', value: 'Platinum' });

    const city = (await app.client.call('customers.list', { limit: 50 })).rows.find((c) => c.city && !c.city.includes(' '))!.city!;
    const scoped = await app.client.call('customers.search', { query: `city:${city.slice(0, 4)}`, limit: 50 });
    expect(scoped.length).toBeGreaterThan(0);
    for (const match of scoped) {
      expect(match.matched?.field).toBe('city');
      expect(match.customer.city?.toLowerCase()).toContain(city.slice(0, 4).toLowerCase());
    }
    const tier = await app.client.call('customers.search', { query: 'loyalty_tier: gold', limit: 50 });
    expect(tier.length).toBeGreaterThan(0);
    for (const match of tier) expect(match.customer.attributes.loyalty_tier).toBe('Gold');
  });

  it('treats an unknown field prefix and SQL-looking text as plain text', async () => {
    expect(await app.client.call('customers.search', { query: "nosuchfield:x' OR 1=1 --" })).toEqual([]);
    expect(await app.client.call('customers.search', { query: 'zzzz-nobody-zzzz' })).toEqual([]);
  });
});

describe('personas.step', () => {
  it('walks a segment persona through its members in id order, wrapping, and previews follow', async () => {
    const persona = (await app.client.call('personas.list', {})).find((p) => p.source.kind === 'segment')!;
    const before = await app.client.call('preview.render', { source: '<p>{{ id }}</p>', personaIds: [persona.id] });
    const first = before.previews[0]!.customer!.id;

    const next = await app.client.call('personas.step', { id: persona.id, direction: 'next' });
    expect(next.member).not.toBeNull();
    expect(next.member!.id > first).toBe(true);
    expect(next.persona.source).toMatchObject({ kind: 'segment', memberId: next.member!.id });
    const after = await app.client.call('preview.render', { source: '<p>{{ id }}</p>', personaIds: [persona.id] });
    expect(after.previews[0]!.customer!.id).toBe(next.member!.id);
    expect(after.previews[0]!.html).toContain(next.member!.id);

    const back = await app.client.call('personas.step', { id: persona.id, direction: 'previous' });
    expect(back.member!.position).toBe(next.member!.position - 1);
    // Before the first member comes the last.
    const wrapped = await app.client.call('personas.step', { id: persona.id, direction: 'previous' });
    const count = wrapped.member!.count;
    if (back.member!.position === 1) expect(wrapped.member!.position).toBe(count);

    const random = await app.client.call('personas.step', { id: persona.id, direction: 'random' });
    expect(random.member!.position).toBeGreaterThanOrEqual(1);
    expect(random.member!.position).toBeLessThanOrEqual(count);
    if (count > 1) expect(random.member!.id).not.toBe(wrapped.member!.id);
  });

  it('refuses a customer persona, and a member who left the segment falls back to the first member', async () => {
    const someone = (await app.client.call('customers.list', { limit: 1 })).rows[0]!;
    const fixed = await app.client.call('personas.save', { label: 'Fixed', source: { kind: 'customer', customerId: someone.id } });
    await expect(app.client.call('personas.step', { id: fixed.id, direction: 'next' })).rejects.toThrow(/only segment personas/);

    const segment = (await app.client.call('segments.list', {}))[0]!;
    const pinned = await app.client.call('personas.save', {
      label: 'Pinned',
      source: { kind: 'segment', segmentId: segment.id, memberId: 'NOT-A-MEMBER' },
    });
    const preview = await app.client.call('preview.render', { source: '<p>{{ id }}</p>', personaIds: [pinned.id] });
    expect(preview.previews[0]!.customer?.id).not.toBe('NOT-A-MEMBER');
    expect(preview.previews[0]!.problem).toBeNull();
  });

  it('stepMember picks a random member other than the current one', () => {
    const db = openDatabase(wsPath, { create: false });
    try {
      const segmentId = (db.prepare('SELECT id FROM segments ORDER BY id LIMIT 1').pluck().get() as number) ?? 0;
      const filter = segmentFilter(db, segmentId);
      const second = stepMember(db, filter, null, 'next')!;
      expect(second.position).toBe(Math.min(2, second.count));
      const first = stepMember(db, filter, second.id, 'previous')!;
      expect(first.position).toBe(1);
      const last = stepMember(db, filter, null, 'previous')!;
      expect(last.position).toBe(last.count);
      expect(stepMember(db, filter, last.id, 'next')!.id).toBe(first.id);
      // random() = 0 lands on the first member, which is current: it moves on.
      expect(stepMember(db, filter, first.id, 'random', () => 0)!.position).toBe(first.count > 1 ? 2 : 1);
    } finally {
      db.close();
    }
  });
});

describe('templates.compiled', () => {
  it('gives an HTML template with its CSS inlined and Liquid kept, as export writes it', async () => {
    const source =
      '<!doctype html><html><head><title>Hi</title><style>.note { color: #ff0000; }</style></head>' +
      '<body><p class="note">Hi {{ first_name | default: \'there\' }}</p>{% if city %}<p>{{ city }}</p>{% endif %}</body></html>';
    const compiled = await app.client.call('templates.compiled', { source });
    expect(compiled.format).toBe('html');
    expect(compiled.html).toMatch(/<p class="note" style="color: #ff0000;">Hi \{\{ first_name \| default: 'there' \}\}<\/p>/);
    expect(compiled.html).toContain('{% if city %}');
    expect(compiled.bytes).toBe(Buffer.byteLength(compiled.html!, 'utf8'));
  });

  it('compiles MJML, and reports an HTML template that holds MJML tags without its root', async () => {
    const mjml = await app.client.call('templates.compiled', {
      source: '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ first_name }}</mj-text></mj-column></mj-section></mj-body></mjml>',
    });
    expect(mjml.format).toBe('mjml');
    expect(mjml.html).toContain('Hi {{ first_name }}');
    expect(mjml.html).not.toContain('<mj-text');

    const rootless = await app.client.call('templates.compiled', { source: '<mj-body>\n<mj-section>\n</mj-section>\n</mj-body>' });
    expect(rootless.html).toBeNull();
    expect(rootless.diagnostics[0]).toMatchObject({ severity: 'error', line: 1 });
    expect(rootless.diagnostics[0]!.message).toMatch(/no <mjml> root/);
  });

  it('exports an HTML template with its CSS inlined', async () => {
    const out = path.join(dir, 'exports');
    const result = await app.client.call('export.run', {
      template: {
        name: 'Raw',
        source: '<html><head><style>.x { color: #00ff00; }</style></head><body><p class="x">{{ id }}</p></body></html>',
      },
      dir: out,
      personas: false,
    });
    const file = result.files.find((f) => f.kind === 'compiled')!;
    const html = fs.readFileSync(path.resolve(result.dir, file.path), 'utf8');
    expect(html).toContain('<p class="x" style="color: #00ff00;">{{ id }}</p>');
  });
});

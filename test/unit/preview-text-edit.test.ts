import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../electron/services/template-compiler';
import { preparePreview, revisePreview, type PreviewOptions } from '../../shared/templates/preview-document';
import { createLiquid } from '../../shared/templates/liquid-engine';
import { findTextEdit } from '../../shared/templates/preview/text-edit';

const STARTERS = path.join(__dirname, '../../assets/templates');
const liquid = createLiquid();
const CUSTOMER = { first_name: 'Ana', last_name: 'Lima', city: 'Porto', favorite_category: 'Shoes', total_spent: 180, id: 'C1' };

/** Every starter rendered for one customer: real emails, MJML's markup and all. */
async function renderedStarters(): Promise<{ name: string; html: string }[]> {
  const files = fs.readdirSync(STARTERS).filter((file) => /\.(mjml|html)$/.test(file));
  return Promise.all(
    files.map(async (file) => {
      const compiled = await compileTemplate(fs.readFileSync(path.join(STARTERS, file), 'utf8'));
      return { name: file, html: liquid.parseAndRenderSync(compiled.html ?? '', CUSTOMER) as string };
    }),
  );
}

/** What a designer does to each run of copy in the body: a letter typed in it, one deleted, a word replaced. */
function editsOf(html: string): string[] {
  const edits: string[] = [];
  const body = html.indexOf('<body');
  for (const match of html.matchAll(/>([^<>]+)</g)) {
    const at = match.index + 1;
    const run = match[1]!;
    if (at < body || run.trim() === '') continue;
    const middle = at + Math.floor(run.length / 2);
    edits.push(html.slice(0, middle) + 'x' + html.slice(middle));
    if (run.length > 1) edits.push(html.slice(0, middle) + html.slice(middle + 1));
    edits.push(html.slice(0, at) + "Hello, it's new" + html.slice(at + run.length));
  }
  return edits;
}

const OPTIONS: Record<string, PreviewOptions> = {
  blocked: { allowRemote: false },
  'images off': { allowRemote: false, images: 'off' },
  'dark, partial inversion': { allowRemote: false, appearance: 'partial' },
};

describe('revising a preview for an edit of its copy', () => {
  it.each(Object.entries(OPTIONS))(
    'gives exactly the document a full preparation gives, for every edit it takes (%s)',
    async (_label, options) => {
      let taken = 0;
      let total = 0;
      for (const { name, html } of await renderedStarters()) {
        const before = preparePreview(html, options);
        for (const edited of editsOf(html)) {
          total++;
          const revised = revisePreview(html, before, edited, options);
          if (revised === null) continue;
          taken++;
          expect(revised.document, `${name}: ${findTextEdit(html, edited)?.after}`).toBe(preparePreview(edited, options).document);
          expect(revised.inbox).toEqual(preparePreview(edited, options).inbox);
        }
      }
      // Most edits of copy take the quick path; the rest (the preheader, entities, quotes, Outlook's comments) do not.
      expect(taken / total).toBeGreaterThan(0.6);
    },
    60_000,
  );

  it('leaves markup, entities, quotes, raw text, the inbox row and compare mode to the full preparation', () => {
    const email = (body: string, head = '<title>Sale for Ana</title>') =>
      `<html><head>${head}<style>p { color: red }</style></head><body><div style="display:none">Hi Ana, 20% off</div>${body}</body></html>`;
    const html = email('<p>Hello there</p><table><tr>  <td>cell</td></tr></table>');
    const before = preparePreview(html, { allowRemote: false });
    const revise = (edited: string, options: PreviewOptions = { allowRemote: false }) => revisePreview(html, before, edited, options);

    expect(revise(html.replace('Hello there', 'Hello there, Ana'))?.document).toContain('<p>Hello there, Ana</p>');
    // A tag typed, an entity, a double quote: markup or its escaping changes.
    expect(revise(html.replace('Hello there', 'Hello <b>there</b>'))).toBeNull();
    expect(revise(html.replace('Hello there', 'Hello &amp; there'))).toBeNull();
    expect(revise(html.replace('Hello there', 'Hello "there"'))).toBeNull();
    // Raw text and the inbox row: a style sheet, the subject, the preheader.
    expect(revise(html.replace('color: red', 'color: blue'))).toBeNull();
    expect(revise(html.replace('Sale for Ana', 'Sale for Li'))).toBeNull();
    expect(revise(html.replace('20% off', '25% off'))).toBeNull();
    // Text typed between table tags moves out of the table when parsed.
    expect(revise(html.replace('<tr>  <td>', '<tr> x <td>'))).toBeNull();
    // Two edits, and compare mode.
    expect(revise(html.replace('Hello', 'Hi').replace('cell', 'box'))).toBeNull();
    expect(revise(html.replace('Hello there', 'Hello you'), { allowRemote: false, compare: { others: [], tokens: [] } })).toBeNull();
  });
});

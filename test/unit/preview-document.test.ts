import { describe, expect, it } from 'vitest';
import { previewDocument } from '../../shared/templates/preview-document';

describe('previewDocument', () => {
  it('puts a CSP blocking scripts and remote loads first in <head>', () => {
    const doc = previewDocument('<html><head><title>x</title></head><body><img src="https://t.example/p.gif"></body></html>', {
      allowRemote: false,
    });
    const meta = /<head><meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(doc);
    expect(meta).not.toBeNull();
    expect(meta![1]).toContain("script-src 'none'");
    expect(meta![1]).toContain('img-src data:;');
    expect(meta![1]).not.toContain('https:');
  });

  it('allows remote images only when asked', () => {
    expect(previewDocument('<html><head></head></html>', { allowRemote: true })).toContain('img-src data: https: http:');
  });

  it('adds a head to fragments', () => {
    const doc = previewDocument('<h2>Hello</h2>', { allowRemote: false });
    expect(doc.startsWith('<!doctype html><html><head><meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(doc).toContain('<body><h2>Hello</h2></body>');
  });

  it('does not mistake <header> for <head>', () => {
    const doc = previewDocument('<html><body><header>x</header></body></html>', { allowRemote: false });
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('<body>'));
  });
});

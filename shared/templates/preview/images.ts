import { attribute, elements, removeAttribute, setAttribute, tree, type Element, type Node } from './dom';

/** How images are shown: as the email asks, or as a client with images turned off shows them (alt text in their place). */
export type ImagesMode = 'on' | 'off';

const isRemoteUrl = (url: string | undefined): boolean => /^\s*(https?:)?\/\//i.test(url ?? '');
/** A srcset is a comma-separated list of "url descriptor"; any remote candidate makes it remote. */
const isRemoteSrcset = (srcset: string | undefined): boolean => /(^|,)\s*(https?:)?\/\//i.test(srcset ?? '');

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const pixels = (value: string | undefined): number | null => {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/i.exec(value ?? '');
  return match ? Number(match[1]) : null;
};

/**
 * A data: SVG the size of the image it replaces, with its alt text, so a
 * blocked or hidden image keeps its place in the layout and says what it
 * was. data: URLs are allowed by the preview's CSP, so no request is
 * attempted and nothing is logged (a blocked remote src logs a CSP error
 * per image, per persona, per render).
 */
export function placeholderSrc(label: string, width: number, height: number): string {
  // Helvetica averages about 0.55 em per character: shrink the text to fit the box, then cut what still does not.
  const fontSize = Math.max(8, Math.min(14, Math.floor(height / 2.5), Math.floor((width - 8) / (label.length * 0.55))));
  const fits = Math.max(1, Math.floor((width - 8) / (fontSize * 0.55)));
  const shown = label.length > fits ? `${label.slice(0, Math.max(1, fits - 1))}…` : label;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="#eceef2" stroke="#b9bec8" stroke-dasharray="4 3"/>` +
    `<text x="50%" y="50%" dominant-baseline="middle" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="${fontSize}" fill="#5d6472">${escapeXml(shown)}</text>` +
    `</svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

function replaceWithPlaceholder(image: Element, label: string): void {
  const width = pixels(attribute(image, 'width')) ?? 600;
  const height = pixels(attribute(image, 'height')) ?? Math.max(40, Math.min(240, Math.round(width / 3)));
  setAttribute(image, 'src', placeholderSrc(label, Math.max(1, Math.round(width)), Math.max(1, Math.round(height))));
  removeAttribute(image, 'srcset');
  setAttribute(image, 'data-tailor-image', 'placeholder');
}

/**
 * Puts placeholders where images will not load: remote images while remote
 * loads are blocked, and every image in the images-off view. Also drops the
 * remote `background` attributes and <source srcset>s that would only be
 * refused. Returns how many remote <img>s the email shows.
 */
export function placeImages(root: Node, { allowRemote, images }: { allowRemote: boolean; images: ImagesMode }): number {
  let remoteImages = 0;
  const drop: Element[] = [];
  for (const element of elements(root)) {
    const background = attribute(element, 'background');
    if (background !== undefined && (images === 'off' || (!allowRemote && isRemoteUrl(background)))) removeAttribute(element, 'background');
    if (element.tagName === 'source' && (images === 'off' || (!allowRemote && isRemoteSrcset(attribute(element, 'srcset'))))) {
      drop.push(element);
      continue;
    }
    if (element.tagName !== 'img') continue;
    const remote = isRemoteUrl(attribute(element, 'src')) || isRemoteSrcset(attribute(element, 'srcset'));
    if (remote) remoteImages += 1;
    const alt = attribute(element, 'alt')?.trim() ?? '';
    if (images === 'off') replaceWithPlaceholder(element, alt || 'Image (no alt text)');
    else if (remote && !allowRemote) replaceWithPlaceholder(element, alt ? `${alt} (image blocked)` : 'Image blocked');
  }
  for (const element of drop) tree.detachNode(element);
  return remoteImages;
}

import type { EspId } from '../../../../shared/esp/esp';

/** A file name for a segment's audience at an ESP: `vip-customers-braze.csv`. */
export function audienceFileName(segment: string, esp: EspId): string {
  const slug = segment
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'audience'}-${esp}.csv`;
}

/** The folder part of a path as typed (either separator), or '' when it has none. */
export function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut < 0 ? '' : file.slice(0, cut);
}

/** Joins for display and as the default; the host resolves the real path. */
export function joinPath(dir: string, name: string): string {
  const separator = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(separator) ? `${dir}${name}` : `${dir}${separator}${name}`;
}

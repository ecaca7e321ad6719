/** The logo formats Plaudit stores, each known by its first bytes, never by a name or a declared type. */
export type LogoFormat = { type: 'image/png' | 'image/jpeg' | 'image/webp'; ext: 'png' | 'jpg' | 'webp' };

/** The largest logo Plaudit stores or fetches: a landing page must stay small. */
export const LOGO_MAX_BYTES = 512 * 1024;

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The format the bytes really are (PNG signature, JPEG SOI marker, RIFF…WEBP), or undefined: an HTML or SVG
 * file renamed `.png` is refused, since a browser could run script from it on Plaudit's origin.
 */
export function sniffLogo(bytes: Uint8Array): LogoFormat | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { type: 'image/png', ext: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { type: 'image/jpeg', ext: 'jpg' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) {
    return { type: 'image/webp', ext: 'webp' };
  }
  return undefined;
}

/** Whether the bytes look like SVG: refused with its own message, as Plaudit has no SVG sanitizer. */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  return head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'));
}

/** The address an uploaded logo is served from, versioned by its content so it can be cached for a year. */
export function uploadedLogoUrl(publicUrl: string, businessId: string, ext: string, version: string): string {
  return `${publicUrl}/assets/logo/${businessId}.${ext}?v=${version}`;
}

/** The local path (with its version) when `logoUrl` is this business's uploaded logo, else undefined. */
export function uploadedLogoPath(logoUrl: string, businessId: string): string | undefined {
  let url: URL;
  try {
    url = new URL(logoUrl);
  } catch {
    return undefined;
  }
  const match = /^\/assets\/logo\/([^/.]+)\.(png|jpg|webp)$/.exec(url.pathname);
  return match && match[1] === businessId ? `${url.pathname}${url.search}` : undefined;
}

// Bends DESIGN §2 on purpose: rendering shared by api/ and pages/ lives here, below both, so neither imports the other.
import QRCode from 'qrcode';

export type QrOptions = { size: number; margin: number; dark: string; light: string };

const base = (options: QrOptions) => ({
  errorCorrectionLevel: 'M' as const,
  margin: options.margin,
  width: options.size,
  color: { dark: options.dark, light: options.light },
});

/** The QR code of `text` as an SVG document. */
export function qrSvg(text: string, options: QrOptions): Promise<string> {
  return QRCode.toString(text, { ...base(options), type: 'svg' });
}

/** The QR code of `text` as a PNG image. */
export function qrPng(text: string, options: QrOptions): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...base(options), type: 'png' });
}

/** An SVG QR code as a `data:` URL, for an `<img>` on the printable sheet. */
export async function qrDataUrl(text: string, options: QrOptions): Promise<string> {
  return `data:image/svg+xml;base64,${Buffer.from(await qrSvg(text, options)).toString('base64')}`;
}

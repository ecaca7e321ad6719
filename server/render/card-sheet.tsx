import { render } from 'preact-render-to-string';

export type SheetCard = { label: string | null; staffMember: string | null; url: string; qr: string };

/** Print rules: A4 and Letter both fit 3 columns of 55 mm cells; a cell never splits across pages. */
const sheetCss = (columns: number) => `@page{size:A4;margin:10mm}
*{box-sizing:border-box}
body{margin:0;font:11pt/1.3 system-ui,sans-serif;color:#000;background:#fff}
h1{font-size:13pt;margin:0 0 6mm}
.grid{display:grid;grid-template-columns:repeat(${columns},1fr);gap:6mm}
.cell{break-inside:avoid;page-break-inside:avoid;border:1px dashed #999;padding:4mm;text-align:center}
.cell img{width:100%;max-width:50mm;height:auto;display:block;margin:0 auto 2mm}
.label{font-weight:700}
.url{font-size:8pt;word-break:break-all;color:#333}
@media screen{body{padding:8mm}}
@media print{h1{display:none}}`;

/** The sheet's policy: its own nonce'd style and `data:` QR images, nothing else (no script at all). */
export const cardSheetCsp = (nonce: string) =>
  `default-src 'none'; img-src data:; style-src 'nonce-${nonce}'; base-uri 'none'; frame-ancestors 'none'`;

/** A printable HTML sheet of card QR codes with their labels (open it and print, or save as PDF). */
export function renderCardSheet(options: {
  title: string;
  cards: SheetCard[];
  columns: number;
  nonce: string;
}): string {
  return `<!doctype html>${render(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>{options.title}</title>
        <style nonce={options.nonce} dangerouslySetInnerHTML={{ __html: sheetCss(options.columns) }} />
      </head>
      <body>
        <h1>{options.title}</h1>
        <div class="grid">
          {options.cards.map((card) => (
            <figure class="cell" key={card.url}>
              <img src={card.qr} alt={`QR code for ${card.url}`} />
              <figcaption>
                {card.label && <div class="label">{card.label}</div>}
                {card.staffMember && <div>{card.staffMember}</div>}
                <div class="url">{card.url}</div>
              </figcaption>
            </figure>
          ))}
        </div>
      </body>
    </html>,
  )}`;
}

import { type Card, qrLink, sheetLink } from '../../api/cards';

/** The card's QR code, its downloads and a one-card print sheet: plain links the browser follows itself. */
export function CardQrPanel({ card }: { card: Card }) {
  const name = card.label ?? card.code;
  return (
    <section class="panel" aria-labelledby="qr-title">
      <h2 id="qr-title">QR code</h2>
      <img class="qr-preview" src={qrLink(card.id, 'svg', false)} alt={`QR code that opens ${card.url}`} />
      <div class="actions">
        <a class="button ghost" href={qrLink(card.id, 'png')} download={`qr-${card.id}.png`}>
          Download PNG<span class="sr-only"> of {name}</span>
        </a>
        <a class="button ghost" href={qrLink(card.id, 'svg')} download={`qr-${card.id}.svg`}>
          Download SVG<span class="sr-only"> of {name}</span>
        </a>
        <a
          class="button ghost"
          href={sheetLink({ ids: [card.id], columns: 1 })}
          target="_blank"
          rel="noopener"
        >
          Print this card
        </a>
      </div>
    </section>
  );
}

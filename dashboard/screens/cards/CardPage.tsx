import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { type CardWithStats, cardsApi } from '../../api/cards';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDate } from '../../components/format';
import { businessName } from '../../state/business';
import { can } from '../../state/can';
import { organizationId } from '../../state/organization';
import { CardEditForm } from './CardEditForm';
import { CardQrPanel } from './CardQrPanel';
import { NfcWriter } from './NfcWriter';
import './cards.css';

/** One card: its figures, label and assignment, QR downloads and NFC programming. */
export function CardPage() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const [card, setCard] = useState<CardWithStats | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setCard(null);
    cardsApi.get(id).then(
      (value) => {
        setCard(value);
        setError(null);
      },
      (e) => setError(e),
    );
  }, [id, organizationId.value]);

  if (error) return <ErrorNote error={error} />;
  if (!card) return <p role="status">Loading…</p>;
  const name = card.label ?? card.code;
  return (
    <section aria-labelledby="card-title" class="detail">
      <p>
        <a href="/dashboard/cards">← All cards</a>
      </p>
      <h1 id="card-title">
        {name} {!card.active && <span class="badge">inactive</span>}
      </h1>
      <p class="muted">
        {businessName(card.businessId)}
        {card.staffMember ? ` · ${card.staffMember}` : ''} · created {formatDate(card.createdAt)}
      </p>
      <dl class="figures" aria-label="Figures">
        <div>
          <dt>Taps</dt>
          <dd>{card.taps}</dd>
        </div>
        <div>
          <dt>Ratings</dt>
          <dd>{card.stats.ratings}</dd>
        </div>
        <div>
          <dt>Average</dt>
          <dd>{card.stats.averageRating ?? '—'}</dd>
        </div>
        <div>
          <dt>Completed</dt>
          <dd>{card.stats.completions}</dd>
        </div>
        <div>
          <dt>Last tap</dt>
          <dd>{card.lastTapAt ? formatDate(card.lastTapAt) : '—'}</dd>
        </div>
      </dl>
      <CardQrPanel card={card} />
      <NfcWriter url={card.url} />
      {can('cards:write') && <CardEditForm card={card} onSaved={setCard} />}
    </section>
  );
}

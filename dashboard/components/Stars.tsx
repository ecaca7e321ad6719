/** A 1–5 rating as stars, read out as "4 out of 5 stars". */
export function Stars({ rating }: { rating: number }) {
  return (
    <span class="stars" role="img" aria-label={`${rating} out of 5 stars`}>
      {'★'.repeat(rating)}
      <span class="dim">{'★'.repeat(5 - rating)}</span>
    </span>
  );
}

type Props = { page: number; totalPages: number; onPage: (page: number) => void };

/** Newer/older buttons for a list kept in the screen's state; nothing when everything fits on one page. */
export function Pager({ page, totalPages, onPage }: Props) {
  if (totalPages <= 1) return null;
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" class="ghost" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Newer
      </button>
      <span>
        Page {page} of {totalPages}
      </span>
      <button type="button" class="ghost" disabled={page >= totalPages} onClick={() => onPage(page + 1)}>
        Older
      </button>
    </nav>
  );
}

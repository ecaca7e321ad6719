import type { Strings } from '../i18n/en';
import { format } from '../i18n/format';

type Props = { t: Strings; business?: { name: string; href: string }; message?: string };

/**
 * One page for unknown, expired and inactive links, so a stranger cannot tell them apart; an inactive
 * card (whose holder is a real customer at the counter) may add a link to the business's general page.
 */
export function NotFoundPage({ t, business, message }: Props) {
  return (
    <main id="main">
      <h1>{message ?? t.notFoundHeading}</h1>
      {!message && <p>{t.notFoundBody}</p>}
      {business && (
        <p>
          <a class="btn" href={business.href}>
            {format(t.visitBusiness, { business: business.name })}
          </a>
        </p>
      )}
    </main>
  );
}

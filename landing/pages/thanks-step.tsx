import { showsPlatforms } from '../../server/domain/gating';
import { format } from '../i18n/format';
import type { FlowProps } from '../types';
import { PlatformList } from './platform-list';

type Props = { flow: FlowProps; rating: number | null; after: 'feedback' | 'testimonial' };

/** The last step; outside strict mode the public platforms stay on offer (DESIGN §5, soft gating). */
export function ThanksStep({ flow, rating, after }: Props) {
  const { t } = flow;
  return (
    <section>
      <h1 tabIndex={-1}>{t.thanksHeading}</h1>
      <p>
        {after === 'feedback' ? format(t.thanksFeedback, { business: flow.business }) : t.thanksTestimonial}
      </p>
      {showsPlatforms(flow.gating, rating) && flow.platforms.length > 0 && (
        <>
          <h2>{t.alsoPublic}</h2>
          <PlatformList flow={flow} />
        </>
      )}
    </section>
  );
}

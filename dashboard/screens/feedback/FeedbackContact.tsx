import type { Feedback } from '../../api';

/** The customer's contact details, as links that open the mail or phone app. */
export function FeedbackContact({ feedback }: { feedback: Feedback }) {
  const { contactName, contactEmail, contactPhone, consentToContact } = feedback;
  if (!contactName && !contactEmail && !contactPhone)
    return <p class="muted">No contact details were left.</p>;
  return (
    <section aria-labelledby="contact-title">
      <h2 id="contact-title">Contact</h2>
      <dl class="contact">
        {contactName && (
          <>
            <dt>Name</dt>
            <dd>{contactName}</dd>
          </>
        )}
        {contactEmail && (
          <>
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${contactEmail}`}>{contactEmail}</a>
            </dd>
          </>
        )}
        {contactPhone && (
          <>
            <dt>Phone</dt>
            <dd>
              <a href={`tel:${contactPhone.replace(/[^\d+]/g, '')}`}>{contactPhone}</a>
            </dd>
          </>
        )}
      </dl>
      <p class="muted">
        {consentToContact ? 'They agreed to be contacted.' : 'They did not ask to be contacted.'}
      </p>
    </section>
  );
}

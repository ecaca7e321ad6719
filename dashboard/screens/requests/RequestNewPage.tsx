import { useEffect, useState } from 'preact/hooks';
import { type RequestPreview, requestsApi } from '../../api/requests';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { MessageChoice } from './MessageChoice';
import { useMessageChoice } from './use-message-choice';
import './requests.css';

/** Ask one customer: contact, channel and template, the exact message it will send, now or at a time. */
export function RequestNewPage() {
  const choice = useMessageChoice();
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [later, setLater] = useState('');
  const [preview, setPreview] = useState<RequestPreview | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const email = choice.method === 'email';

  useEffect(() => {
    if (!choice.businessId) return;
    const timer = setTimeout(() => {
      requestsApi
        .preview({
          businessId: choice.businessId,
          method: choice.method,
          customerName: name.trim() || undefined,
          templateId: choice.templateId || undefined,
        })
        .then((p) => {
          setPreview(p);
          setPreviewError(null);
        }, setPreviewError);
    }, 250);
    return () => clearTimeout(timer);
  }, [choice.businessId, choice.method, choice.templateId, name]);

  const { submit, busy, error, done } = useSubmit(() =>
    requestsApi.send({
      businessId: choice.businessId,
      method: choice.method,
      customerName: name.trim() || undefined,
      ...(email ? { customerEmail: contact.trim() } : { customerPhone: contact.trim() }),
      templateId: choice.templateId || undefined,
      sendAt: later ? new Date(later).toISOString() : undefined,
    }),
  );

  return (
    <section aria-labelledby="new-title" class="requests">
      <div class="title-row">
        <h1 id="new-title">Ask a customer for a review</h1>
        <a href="/dashboard/requests/bulk">Upload a list instead</a>
      </div>
      <form class="panel" onSubmit={submit}>
        <MessageChoice {...choice} />
        <Field label="Customer name" name="customerName" value={name} onValue={setName} autoComplete="off" />
        <Field
          label={email ? 'Email' : 'Mobile phone'}
          name="contact"
          type={email ? 'email' : 'tel'}
          required
          value={contact}
          onValue={setContact}
          autoComplete="off"
        />
        <Field
          label="Send later (optional)"
          name="sendAt"
          type="datetime-local"
          value={later}
          onValue={setLater}
          hint="Empty: now (or when the business’s send window opens)."
        />
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">The message</h2>
          {preview?.subject && (
            <p>
              <strong>Subject:</strong> {preview.subject}
            </p>
          )}
          {preview && (
            <pre class="message-preview" data-testid="message-preview">
              {preview.text}
            </pre>
          )}
          {preview?.sms && (
            <p class="muted" data-testid="sms-info">
              {preview.sms.encoding} · {preview.sms.length} characters · {preview.sms.segments} SMS part
              {preview.sms.segments > 1 ? 's' : ''}
              {preview.sms.encoding === 'UCS-2' && ' (a character outside GSM-7 makes each part shorter)'}
            </p>
          )}
          <ErrorNote error={previewError} />
        </section>
        <button type="submit" disabled={busy || !choice.businessId}>
          {later ? 'Schedule' : 'Send now'}
        </button>
        {done && (
          <p role="status">
            {done.deduplicated
              ? 'This customer was asked recently: nothing new was sent.'
              : `Request ${done.status === 'scheduled' ? 'scheduled' : done.status === 'suppressed' ? 'not sent (opted out)' : 'queued'}.`}{' '}
            <a href="/dashboard/requests">See requests</a>
          </p>
        )}
        <ErrorNote error={error} />
      </form>
    </section>
  );
}

import { useState } from 'preact/hooks';
import { CHANNELS, templatePreview, templateProblems } from '../../../server/delivery/templates';
import { requestsApi, type Template, type TemplateInput } from '../../api/requests';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';

const blank: TemplateInput = {
  name: '',
  channel: 'sms',
  language: 'en',
  subject: null,
  body: 'Hi {{firstName}}, thanks for visiting {{businessName}}! How did we do? {{link}}',
  businessId: null,
};

/** Edit a template with its preview beside it, rendered as you type by the server's own renderer. */
export function TemplateForm({ template, onSaved }: { template: Template | null; onSaved: () => void }) {
  const [draft, setDraft] = useState<TemplateInput>(template ?? blank);
  const set = (patch: Partial<TemplateInput>) => setDraft({ ...draft, ...patch });
  const problems = templateProblems(draft);
  const preview = templatePreview(draft);
  const { submit, busy, error, done } = useSubmit(async () => {
    const body = { ...draft, subject: draft.channel === 'email' ? draft.subject : null };
    const saved = template
      ? await requestsApi.saveTemplate(template.id, body)
      : await requestsApi.createTemplate(body);
    onSaved();
    return saved;
  });
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="template-form-title">
      <h2 id="template-form-title">{template ? `Edit “${template.name}”` : 'New template'}</h2>
      <Field label="Name" name="tplName" required value={draft.name} onValue={(name) => set({ name })} />
      <div class="field">
        <label for="tpl-channel">Channel</label>
        <select
          id="tpl-channel"
          value={draft.channel}
          onChange={(e) => set({ channel: e.currentTarget.value as TemplateInput['channel'] })}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <Field
        label="Language"
        name="tplLanguage"
        value={draft.language}
        onValue={(language) => set({ language })}
      />
      {draft.channel === 'email' && (
        <Field
          label="Subject"
          name="tplSubject"
          value={draft.subject ?? ''}
          onValue={(subject) => set({ subject })}
        />
      )}
      <div class="field">
        <label for="tpl-body">Text</label>
        <textarea
          id="tpl-body"
          rows={5}
          value={draft.body}
          aria-describedby="tpl-body-hint"
          onInput={(e) => set({ body: e.currentTarget.value })}
        />
        <small id="tpl-body-hint" class="muted">
          Placeholders: {'{{firstName}} {{name}} {{businessName}} {{link}}'} — {'{{link}}'} is required.
        </small>
      </div>
      {Object.keys(problems).length > 0 && (
        <ul class="error" aria-live="polite">
          {Object.entries(problems).map(([field, text]) => (
            <li key={field}>
              {field}: {text}
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="tpl-preview-title">
        <h3 id="tpl-preview-title">Preview (a sample customer)</h3>
        {preview.subject && <p>Subject: {preview.subject}</p>}
        <pre class="message-preview">{preview.body}</pre>
        {preview.sms && (
          <p class="muted">
            {preview.sms.encoding} · {preview.sms.length} characters · {preview.sms.segments} SMS part
            {preview.sms.segments > 1 ? 's' : ''}
          </p>
        )}
      </section>
      <button type="submit" disabled={busy || Object.keys(problems).length > 0}>
        Save template
      </button>
      {done && <p role="status">Saved.</p>}
      <ErrorNote error={error} />
    </form>
  );
}

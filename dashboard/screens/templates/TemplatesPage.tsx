import { useEffect, useState } from 'preact/hooks';
import { requestsApi, type Template } from '../../api/requests';
import { ErrorNote } from '../../components/ErrorNote';
import { RequestsTabs } from '../../components/RequestsTabs';
import { TemplateForm } from './TemplateForm';
import '../requests/requests.css';

/** The organization's message templates: pick one to edit, or start a new one. */
export function TemplatesPage() {
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () =>
    requestsApi.templates().then((page) => {
      setTemplates(page.data);
      setError(null);
    }, setError);
  useEffect(() => {
    load();
  }, []);
  return (
    <section aria-labelledby="templates-title" class="requests">
      <RequestsTabs />
      <div class="title-row">
        <h1 id="templates-title">Message templates</h1>
        <button type="button" class="ghost" onClick={() => setEditing('new')}>
          New template
        </button>
      </div>
      <ErrorNote error={error} />
      {templates?.length === 0 && (
        <p class="empty">No templates: the built-in text is used for each channel.</p>
      )}
      {templates && templates.length > 0 && (
        <ul class="sessions">
          {templates.map((t) => (
            <li key={t.id}>
              <span>
                {t.name} · {t.channel} · {t.language}
              </span>
              <button type="button" class="ghost" onClick={() => setEditing(t)}>
                Edit {t.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <TemplateForm
          key={editing === 'new' ? 'new' : editing.id}
          template={editing === 'new' ? null : editing}
          onSaved={load}
        />
      )}
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { type Campaign, requestsApi } from '../../api/requests';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { RequestsTabs } from '../../components/RequestsTabs';
import { useSubmit } from '../../components/use-submit';
import { businesses, businessName } from '../../state/business';
import '../requests/requests.css';

/** Campaigns (a first message and reminders): the list, and a form to start one. */
export function CampaignsPage() {
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [businessId, setBusinessId] = useState('');
  const load = () =>
    requestsApi.campaigns().then((page) => {
      setCampaigns(page.data);
      setError(null);
    }, setError);
  useEffect(() => {
    load();
  }, []);
  const create = useSubmit(async () => {
    const made = await requestsApi.createCampaign({
      name: name.trim(),
      businessId: businessId || businesses.value[0]?.id || '',
      status: 'active',
      steps: [{ delayHours: 0, templateId: null }],
    });
    setName('');
    await load();
    return made;
  });
  return (
    <section aria-labelledby="campaigns-title" class="requests">
      <RequestsTabs />
      <h1 id="campaigns-title">Campaigns</h1>
      <ErrorNote error={error} />
      {campaigns?.length === 0 && <p class="empty">No campaigns yet.</p>}
      {campaigns && campaigns.length > 0 && (
        <ul class="sessions">
          {campaigns.map((c) => (
            <li key={c.id}>
              <a href={`/dashboard/campaigns/${c.id}`}>{c.name}</a>
              <span class="muted">
                {businessName(c.businessId)} · {c.status} · {c.steps.length - 1} reminder
                {c.steps.length === 2 ? '' : 's'}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form class="panel" onSubmit={create.submit} aria-labelledby="new-campaign-title">
        <h2 id="new-campaign-title">New campaign</h2>
        <Field label="Name" name="campaignName" required value={name} onValue={setName} />
        <div class="field">
          <label for="campaign-business">Business</label>
          <select
            id="campaign-business"
            value={businessId}
            onChange={(e) => setBusinessId(e.currentTarget.value)}
          >
            {businesses.value.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={create.busy}>
          Create campaign
        </button>
        {create.done && (
          <p role="status">
            Created. <a href={`/dashboard/campaigns/${create.done.id}`}>Add its reminders</a>
          </p>
        )}
        <ErrorNote error={create.error} />
      </form>
    </section>
  );
}

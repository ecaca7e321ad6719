import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import {
  type Campaign,
  type CampaignInput,
  type Funnel,
  requestsApi,
  type Template,
} from '../../api/requests';
import { ErrorNote } from '../../components/ErrorNote';
import { useSubmit } from '../../components/use-submit';
import '../requests/requests.css';

type Step = CampaignInput['steps'][number];
const MAX_STEPS = 4;

/** One campaign: its steps (first message, up to 3 reminders), pause and resume, and its funnel. */
export function CampaignPage() {
  const { params } = useRoute();
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [steps, setSteps] = useState<Step[]>([]);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [funnel, setFunnel] = useState<Funnel | null>(null);
  const [error, setError] = useState<unknown>(null);
  const show = (c: Campaign) => {
    setCampaign(c);
    setSteps(c.steps.map((s) => ({ delayHours: s.delayHours, templateId: s.templateId })));
  };
  useEffect(() => {
    requestsApi.campaign(params.id).then(show, setError);
    requestsApi.funnel(params.id).then(setFunnel, () => setFunnel(null));
    requestsApi.templates().then(
      (p) => setTemplates(p.data),
      () => setTemplates([]),
    );
  }, [params.id]);
  const setStep = (index: number, patch: Partial<Step>) =>
    setSteps(steps.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  // Only the steps are sent: a partial update changes nothing else (the name, the paused state).
  const save = useSubmit(async () => show(await requestsApi.updateCampaign(params.id, { steps })));
  const toggle = useSubmit(async () =>
    show(
      await requestsApi.updateCampaign(params.id, {
        status: campaign?.status === 'paused' ? 'active' : 'paused',
      }),
    ),
  );
  if (!campaign) return <ErrorNote error={error} />;
  return (
    <section aria-labelledby="campaign-title" class="requests">
      <div class="title-row">
        <h1 id="campaign-title">{campaign.name}</h1>
        <span class="badge">{campaign.status}</span>
        <button type="button" class="ghost" onClick={toggle.submit} disabled={toggle.busy}>
          {campaign.status === 'paused' ? 'Resume' : 'Pause'}
        </button>
      </div>
      <ErrorNote error={toggle.error} />
      <form class="panel" onSubmit={save.submit} aria-labelledby="steps-title">
        <h2 id="steps-title">Steps</h2>
        {steps.map((step, index) => (
          <fieldset key={index} class="panel">
            <legend>{index === 0 ? 'First message' : `Reminder ${index}`}</legend>
            <div class="field">
              <label for={`step-delay-${index}`}>
                {index === 0 ? 'Hours to wait before sending' : 'Hours after the step before'}
              </label>
              <input
                id={`step-delay-${index}`}
                type="number"
                min={index === 0 ? 0 : 1}
                max={1440}
                value={step.delayHours}
                onInput={(e) => setStep(index, { delayHours: Number(e.currentTarget.value) })}
              />
            </div>
            <div class="field">
              <label for={`step-template-${index}`}>Template</label>
              <select
                id={`step-template-${index}`}
                value={step.templateId ?? ''}
                onChange={(e) => setStep(index, { templateId: e.currentTarget.value || null })}
              >
                <option value="">The default for the request’s channel</option>
                {templates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} ({t.channel})
                  </option>
                ))}
              </select>
            </div>
            {index > 0 && (
              <button
                type="button"
                class="ghost"
                onClick={() => setSteps(steps.filter((_, i) => i !== index))}
              >
                Remove reminder {index}
              </button>
            )}
          </fieldset>
        ))}
        {steps.length < MAX_STEPS && (
          <button
            type="button"
            class="ghost"
            onClick={() => setSteps([...steps, { delayHours: 72, templateId: null }])}
          >
            Add a reminder
          </button>
        )}
        <button type="submit" disabled={save.busy}>
          Save steps
        </button>
        <ErrorNote error={save.error} />
      </form>
      {funnel && (
        <section class="panel" aria-labelledby="funnel-title">
          <h2 id="funnel-title">Funnel</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Count</th>
                <th scope="col">Of invited</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(funnel.counts).map(([key, count]) => (
                <tr key={key}>
                  <td>{key.replace(/([A-Z])/g, ' $1').toLowerCase()}</td>
                  <td>{count}</td>
                  <td>{Math.round((funnel.rates[key] ?? 0) * 100)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

import type { Template } from '../../api/requests';
import { businesses } from '../../state/business';

export type Method = 'sms' | 'email' | 'whatsapp';
export const METHODS: Array<[Method, string]> = [
  ['sms', 'SMS'],
  ['email', 'Email'],
  ['whatsapp', 'WhatsApp'],
];

/** Business, channel and template pickers shared by the single and bulk send forms. */
export function MessageChoice(props: {
  businessId: string;
  method: Method;
  templateId: string;
  templates: Template[];
  onBusiness: (id: string) => void;
  onMethod: (method: Method) => void;
  onTemplate: (id: string) => void;
}) {
  const fitting = props.templates.filter(
    (t) => t.channel === props.method && (!t.businessId || t.businessId === props.businessId),
  );
  return (
    <>
      <div class="field">
        <label for="req-business">Business</label>
        <select
          id="req-business"
          value={props.businessId}
          onChange={(e) => props.onBusiness(e.currentTarget.value)}
        >
          {businesses.value.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="choices">
        <legend>Channel</legend>
        {METHODS.map(([value, label]) => (
          <label class="check" key={value}>
            <input
              type="radio"
              name="method"
              value={value}
              checked={props.method === value}
              onChange={() => props.onMethod(value)}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="req-template">Template</label>
        <select
          id="req-template"
          value={props.templateId}
          onChange={(e) => props.onTemplate(e.currentTarget.value)}
        >
          <option value="">The default for this channel</option>
          {fitting.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.language})
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

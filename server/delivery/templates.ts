import { smsEncoding } from './sms-encoding';

export type Channel = 'email' | 'sms' | 'whatsapp';
export const CHANNELS = ['email', 'sms', 'whatsapp'] as const;

/** Placeholders a template may use; `{{link}}` is required (a request without its link is pointless). */
export const PLACEHOLDERS = ['firstName', 'name', 'businessName', 'link'] as const;
export type TemplateValues = Record<(typeof PLACEHOLDERS)[number], string>;

export type TemplateText = { channel: Channel; subject?: string | null; body: string };

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const SMS_MAX = 1600;

/** Problems with a template as `{ field: message }`; empty when it can be saved. */
export function templateProblems(template: TemplateText): Record<string, string> {
  const problems: Record<string, string> = {};
  const check = (field: 'subject' | 'body', text: string) => {
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
        problems[field] =
          `unknown placeholder {{${name}}}; use ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`;
        return;
      }
    }
    if (/\{\{|\}\}/.test(text.replace(PLACEHOLDER, ''))) problems[field] = 'unbalanced {{ or }}';
  };
  check('body', template.body);
  if (!problems.body && !/\{\{\s*link\s*\}\}/.test(template.body)) problems.body = 'must contain {{link}}';
  if (template.channel === 'email') {
    if (!template.subject?.trim()) problems.subject = 'required for email';
    else check('subject', template.subject);
  } else if (template.subject) {
    problems.subject = `not used for ${template.channel}`;
  }
  if (template.channel !== 'email' && template.body.length > SMS_MAX)
    problems.body = `at most ${SMS_MAX} characters`;
  return problems;
}

/** Fills the placeholders; the result is plain text (email HTML is built from it by a renderer that escapes). */
export function renderTemplate(text: string, values: TemplateValues): string {
  // An empty value takes the space before it along: "Hi {{firstName}}," reads "Hi," for a customer with no name.
  return text.replace(/( ?)\{\{\s*([^{}]*?)\s*\}\}/g, (_, space: string, name: keyof TemplateValues) =>
    values[name] ? space + values[name] : '',
  );
}

/** The values for a customer and business; a customer without a name is greeted without one. */
export function templateValues(input: { customerName: string | null; businessName: string; link: string }) {
  const name = input.customerName?.trim() ?? '';
  return { firstName: name.split(/\s+/)[0] ?? '', name, businessName: input.businessName, link: input.link };
}

const SAMPLE: TemplateValues = {
  firstName: 'Alex',
  name: 'Alex Doe',
  businessName: 'Joe’s Coffee',
  link: 'https://reviews.example.com/r/AbCdEfGhIjKl',
};

/** A rendered sample and, for SMS/WhatsApp, its encoding and segment count: what the API shows with a template. */
export function templatePreview(template: TemplateText) {
  const body = renderTemplate(template.body, SAMPLE);
  return {
    subject: template.subject ? renderTemplate(template.subject, SAMPLE) : null,
    body,
    sms: template.channel === 'email' ? null : smsEncoding(body),
  };
}

type Defaults = Record<Channel, { subject: string | null; body: string }>;

const greetingBody = (hi: string, text: string, thanks: string) =>
  `${hi} {{firstName}}, ${text}\n{{link}}\n${thanks}`;

/** Built-in templates used when an organization has none for the channel and language. */
export const DEFAULT_TEMPLATES: Record<string, Defaults> = {
  en: {
    email: {
      subject: 'How was your visit to {{businessName}}?',
      body: greetingBody(
        'Hi',
        'thank you for visiting {{businessName}}. Would you tell us how it went? It takes one tap:',
        '— {{businessName}}',
      ),
    },
    sms: {
      subject: null,
      body: 'Hi {{firstName}}, thanks for visiting {{businessName}}! How did we do? {{link}}',
    },
    whatsapp: {
      subject: null,
      body: 'Hi {{firstName}}, thanks for visiting {{businessName}}! How did we do? {{link}}',
    },
  },
  fr: {
    email: {
      subject: 'Comment s’est passée votre visite chez {{businessName}} ?',
      body: greetingBody(
        'Bonjour',
        'merci de votre visite chez {{businessName}}. Dites-nous comment cela s’est passé, en un clic :',
        '— {{businessName}}',
      ),
    },
    sms: {
      subject: null,
      body: 'Bonjour {{firstName}}, merci de votre visite chez {{businessName}} ! Votre avis : {{link}}',
    },
    whatsapp: {
      subject: null,
      body: 'Bonjour {{firstName}}, merci de votre visite chez {{businessName}} ! Votre avis : {{link}}',
    },
  },
  es: {
    email: {
      subject: '¿Qué tal su visita a {{businessName}}?',
      body: greetingBody(
        'Hola',
        'gracias por visitar {{businessName}}. ¿Nos cuenta qué tal fue? Solo un toque:',
        '— {{businessName}}',
      ),
    },
    sms: {
      subject: null,
      body: 'Hola {{firstName}}, gracias por visitar {{businessName}}. ¿Qué tal fue? {{link}}',
    },
    whatsapp: {
      subject: null,
      body: 'Hola {{firstName}}, gracias por visitar {{businessName}}. ¿Qué tal fue? {{link}}',
    },
  },
  de: {
    email: {
      subject: 'Wie war Ihr Besuch bei {{businessName}}?',
      body: greetingBody(
        'Hallo',
        'danke für Ihren Besuch bei {{businessName}}. Wie war es? Ein Klick genügt:',
        '— {{businessName}}',
      ),
    },
    sms: {
      subject: null,
      body: 'Hallo {{firstName}}, danke für Ihren Besuch bei {{businessName}}! Wie war es? {{link}}',
    },
    whatsapp: {
      subject: null,
      body: 'Hallo {{firstName}}, danke für Ihren Besuch bei {{businessName}}! Wie war es? {{link}}',
    },
  },
};

/** The built-in template for a channel in the language (primary subtag), falling back to English. */
export function defaultTemplate(channel: Channel, language: string) {
  const primary = language.toLowerCase().split(/[-_]/)[0];
  return (DEFAULT_TEMPLATES[primary] ?? DEFAULT_TEMPLATES.en)[channel];
}

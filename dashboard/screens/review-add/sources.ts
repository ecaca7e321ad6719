import type { SourceId } from '../../../server/domain/sources';

/** The review sources a person may pick (the server's SOURCE_IDS; kept as data to keep zod out of the chunk). */
export const SOURCE_CHOICES = [
  { id: 'direct', name: 'Direct (collected by Plaudit)' },
  { id: 'google', name: 'Google' },
  { id: 'yelp', name: 'Yelp' },
  { id: 'facebook', name: 'Facebook' },
  { id: 'tripadvisor', name: 'Tripadvisor' },
  { id: 'trustpilot', name: 'Trustpilot' },
  { id: 'testimonial', name: 'Testimonial' },
  { id: 'custom', name: 'Custom' },
] as const satisfies readonly { id: SourceId; name: string }[];

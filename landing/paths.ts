/** The URL of a visit, or of one of its form posts. */
export function visitPath(token: string, action?: 'rate' | 'feedback' | 'testimonial'): string {
  return action ? `/v/${token}/${action}` : `/v/${token}`;
}

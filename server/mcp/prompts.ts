import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const businessArg = z.string().optional().describe('A business id (biz_…); without it, every business');

const user = (text: string) => ({
  messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }],
});

/** Prompts a client offers its user: a weekly digest, and replies to unanswered reviews. */
export function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    'weekly_review_digest',
    {
      title: 'Weekly review digest',
      description:
        'Summarize the last 7 days of reviews: figures against the week before, themes, reviews to act on.',
      argsSchema: { businessId: businessArg },
    },
    ({ businessId }) =>
      user(
        `Write a short weekly digest of our reviews${businessId ? ` for business ${businessId}` : ''}.\n` +
          '1. Call get_metrics with group_by "day" for the last 7 days and compare with the previous period.\n' +
          '2. Call get_insights for the same days: name what customers praise and complain about.\n' +
          '3. Call list_reviews with responded=false and maxRating=3 to list reviews that need a reply.\n' +
          '4. Call list_feedback with status "new" for private feedback to follow up.\n' +
          'Keep it under 250 words, plain language, with the three most useful actions last.',
      ),
  );

  server.registerPrompt(
    'reply_to_unanswered_reviews',
    {
      title: 'Reply to unanswered reviews',
      description: 'Draft replies to reviews without one; each reply waits for a person’s approval.',
      argsSchema: {
        businessId: businessArg,
        tone: z.string().max(100).optional().describe('e.g. warm, formal'),
      },
    },
    ({ businessId, tone }) =>
      user(
        `Find reviews without a reply${businessId ? ` of business ${businessId}` : ''} with list_reviews ` +
          '(responded=false, newest first). For each, draft a reply with draft_reply: thank the customer, ' +
          'answer the specific points they made, apologize and offer to make it right when the rating is low, ' +
          `never promise refunds or share personal data${tone ? `, in a ${tone} tone` : ''}. Use the author’s ` +
          'name as written in the review. Replies are not published until a person approves them; tell me how ' +
          'many are waiting for approval at the end.',
      ),
  );
}

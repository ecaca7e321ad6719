import type { Clock } from '../domain/clock';
import { insertBusiness } from './businesses';
import type { Db } from './db';
import { createOrganization } from './organizations';
import { insertReview } from './reviews';

type Sample = [
  source: string,
  rating: number,
  author: string,
  content: string,
  daysAgo: number,
  widget: boolean,
  reply?: string,
];

const SAMPLES: Sample[] = [
  [
    'google',
    5,
    'Maria Gonzalez',
    'Best flat white in town. The baristas remember my order and always smile.',
    2,
    true,
    'Thank you Maria, see you tomorrow!',
  ],
  [
    'google',
    5,
    'James Whitfield',
    'Lovely quiet spot to work in the morning, fast wifi and great pastries.',
    4,
    true,
  ],
  [
    'yelp',
    4,
    'Priya Natarajan',
    'Great coffee and friendly staff. It gets crowded at lunch, so come early.',
    6,
    true,
  ],
  [
    'google',
    2,
    'Tom Becker',
    'Waited twenty minutes for a latte and it was lukewarm. Disappointing.',
    7,
    false,
    'Sorry Tom, we were short-staffed that day. Next drink is on us.',
  ],
  [
    'facebook',
    5,
    'Aiko Tanaka',
    'The cardamom bun is incredible. I bring friends here every weekend.',
    9,
    true,
  ],
  ['direct', 5, 'Lucas Martin', 'Warm welcome, perfect cappuccino, spotless place.', 11, true],
  ['yelp', 3, 'Sarah O’Connor', 'Coffee is good but the music is too loud to talk.', 13, false],
  ['google', 4, 'Daniel Kim', 'Solid espresso, nice oat milk options, a bit pricey.', 16, true],
  [
    'testimonial',
    5,
    'Fatima Zahra',
    'Demo Coffee catered our office breakfast and everyone loved it.',
    18,
    true,
  ],
  ['google', 1, 'Kevin Brooks', 'Rude service and a dirty table. Will not come back.', 21, false],
  ['facebook', 4, 'Elena Rossi', 'Cozy atmosphere and tasty sandwiches. Parking is hard to find.', 25, false],
  ['google', 5, 'Noah Williams', 'Amazing cold brew and the staff are so kind to my dog.', 29, true],
  ['yelp', 5, 'Chloé Dubois', 'Un café excellent et un accueil chaleureux. Parfait !', 33, true],
  ['google', 3, 'Michael Chen', 'Average coffee, great muffins.', 38, false],
  ['direct', 4, 'Grace Okafor', 'Quick service during the morning rush, friendly team.', 44, false],
  ['google', 5, 'Olivia Smith', 'My favourite neighbourhood café. Beautiful latte art every time.', 51, true],
  ['facebook', 2, 'Ben Carter', 'The new menu is confusing and my order was wrong.', 58, false],
  ['yelp', 4, 'Hannah Müller', 'Excellent filter coffee, good selection of beans to take home.', 66, false],
  ['google', 5, 'Ethan Brown', 'Fantastic brunch, generous portions and great coffee.', 75, true],
  ['trustpilot', 4, 'Sofia Lopez', 'Ordered beans online, arrived fresh and well packed.', 90, false],
];

/** The demo organization: "Demo Coffee" with Google, Yelp and Facebook configured and ~20 mixed reviews. */
export function seedDemo(db: Db, clock: Clock): { organizationId: string; businessId: string; slug: string } {
  const org = createOrganization(db, clock, { name: 'Demo organization' });
  const business = insertBusiness(db, clock, org.id, {
    name: 'Demo Coffee',
    slug: 'demo-coffee',
    address: '1 Market Street, Springfield',
    phone: '+15555550100',
    website: 'https://demo-coffee.example',
    timezone: 'America/New_York',
    locale: 'en',
    brandColor: '#6b3e26',
    logoUrl: null,
    gatingMode: 'soft',
    gatingThreshold: 4,
    gatingScale: 'stars',
    policyRiskAcknowledgedAt: null,
    testimonialAutoPublishMin: null,
    platforms: {
      google: { placeId: 'ChIJDemoCoffeePlaceId000' },
      yelp: { bizId: 'demo-coffee-springfield' },
      facebook: { page: 'democoffee' },
    },
    sendWindowStart: '09:00',
    sendWindowEnd: '20:00',
    dedupDays: 14,
  });
  const now = clock().getTime();
  SAMPLES.forEach(([source, rating, authorName, content, daysAgo, showOnWidget, reply], index) => {
    const publishedAt = new Date(now - daysAgo * 86_400_000).toISOString();
    insertReview(db, clock, org.id, {
      businessId: business.id,
      source,
      externalId: ['direct', 'testimonial'].includes(source) ? null : `demo-${index + 1}`,
      rating,
      content,
      authorName,
      publishedAt,
      showOnWidget,
      verified: source !== 'direct' && source !== 'testimonial',
      reply: reply ?? null,
      repliedAt: reply ? new Date(now - (daysAgo - 1) * 86_400_000).toISOString() : null,
    });
  });
  return { organizationId: org.id, businessId: business.id, slug: business.slug };
}

/**
 * Every request example of the RatingsRise API reference (../shared/reference/ratingsrise-api.txt) with its
 * documented response, copied verbatim. `{businessId}`, `{reviewId}`, `{customerId}` stand for the documented
 * ids (biz_abc123, rev_xyz789, cust_003): the replay puts the ids of the Plaudit it seeded there.
 */

export type Example = {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: Record<string, unknown>;
  response: unknown;
};

export const EXAMPLES: Example[] = [
  {
    name: 'listBusinesses',
    method: 'GET',
    path: '/businesses?perPage=2',
    response: {
      data: [
        {
          id: 'biz_abc123',
          name: "Joe's Coffee Shop",
          address: '123 Main St, Austin, TX 78701',
          phone: '+15125551234',
          googlePlaceId: 'ChIJrTLr-GyuEmsRBfy61i59si0',
          averageRating: 4.6,
          totalReviews: 142,
          platforms: ['google', 'yelp'],
          createdAt: '2024-01-15T08:30:00Z',
          updatedAt: '2024-11-20T14:22:00Z',
        },
        {
          id: 'biz_def456',
          name: "Joe's Coffee — Downtown",
          address: '456 Congress Ave, Austin, TX 78701',
          phone: '+15125555678',
          googlePlaceId: 'ChIJN1t_tDeuEmsRUsoyG83frY4',
          averageRating: 4.8,
          totalReviews: 89,
          platforms: ['google'],
          createdAt: '2024-03-01T10:00:00Z',
          updatedAt: '2024-11-19T09:15:00Z',
        },
      ],
      pagination: {
        page: 1,
        perPage: 2,
        total: 5,
        totalPages: 3,
      },
    },
  },
  {
    name: 'getBusiness',
    method: 'GET',
    path: '/businesses/{businessId}',
    response: {
      id: 'biz_abc123',
      name: "Joe's Coffee Shop",
      address: '123 Main St, Austin, TX 78701',
      phone: '+15125551234',
      website: 'https://joescoffee.com',
      googlePlaceId: 'ChIJrTLr-GyuEmsRBfy61i59si0',
      averageRating: 4.6,
      totalReviews: 142,
      platforms: ['google', 'yelp'],
      reviewBreakdown: {
        '5': 89,
        '4': 31,
        '3': 12,
        '2': 6,
        '1': 4,
      },
      sentimentBreakdown: {
        positive: 112,
        neutral: 20,
        negative: 10,
      },
      createdAt: '2024-01-15T08:30:00Z',
      updatedAt: '2024-11-20T14:22:00Z',
    },
  },
  {
    name: 'listReviews',
    method: 'GET',
    path: '/reviews?businessId={businessId}&rating=5&perPage=2',
    response: {
      data: [
        {
          id: 'rev_xyz789',
          businessId: 'biz_abc123',
          platform: 'google',
          rating: 5,
          content:
            'Best coffee in Austin! The pour-over is incredible and the staff is super friendly. Will definitely be back.',
          authorName: 'Sarah M.',
          authorAvatar: 'https://lh3.googleusercontent.com/a/example',
          sentiment: 'positive',
          sentimentScore: 0.94,
          reply: null,
          repliedAt: null,
          publishedAt: '2024-11-18T09:30:00Z',
          importedAt: '2024-11-18T10:00:00Z',
        },
        {
          id: 'rev_uvw456',
          businessId: 'biz_abc123',
          platform: 'google',
          rating: 5,
          content:
            'Amazing latte art and the pastries are always fresh. This is my go-to spot every morning.',
          authorName: 'Michael R.',
          authorAvatar: 'https://lh3.googleusercontent.com/a/example2',
          sentiment: 'positive',
          sentimentScore: 0.91,
          reply:
            "Thank you, Michael! We're thrilled you enjoy our lattes and pastries. See you tomorrow morning!",
          repliedAt: '2024-11-17T15:45:00Z',
          publishedAt: '2024-11-17T12:00:00Z',
          importedAt: '2024-11-17T12:30:00Z',
        },
      ],
      pagination: {
        page: 1,
        perPage: 2,
        total: 89,
        totalPages: 45,
      },
    },
  },
  {
    name: 'getReview',
    method: 'GET',
    path: '/reviews/{reviewId}',
    response: {
      id: 'rev_xyz789',
      businessId: 'biz_abc123',
      platform: 'google',
      rating: 5,
      content:
        'Best coffee in Austin! The pour-over is incredible and the staff is super friendly. Will definitely be back.',
      authorName: 'Sarah M.',
      authorAvatar: 'https://lh3.googleusercontent.com/a/example',
      sentiment: 'positive',
      sentimentScore: 0.94,
      keywords: ['coffee', 'pour-over', 'staff', 'friendly'],
      reply: null,
      repliedAt: null,
      publishedAt: '2024-11-18T09:30:00Z',
      importedAt: '2024-11-18T10:00:00Z',
    },
  },
  {
    name: 'replyToReview',
    method: 'POST',
    path: '/reviews/{reviewId}/reply',
    body: {
      content:
        'Thank you so much, Sarah! We are glad you loved the pour-over. Our baristas take great pride in every cup. See you again soon!',
    },
    response: {
      id: 'rev_xyz789',
      businessId: 'biz_abc123',
      platform: 'google',
      rating: 5,
      content:
        'Best coffee in Austin! The pour-over is incredible and the staff is super friendly. Will definitely be back.',
      authorName: 'Sarah M.',
      reply:
        'Thank you so much, Sarah! We are glad you loved the pour-over. Our baristas take great pride in every cup. See you again soon!',
      repliedAt: '2024-11-20T16:30:00Z',
      publishedAt: '2024-11-18T09:30:00Z',
    },
  },
  {
    name: 'listCustomers',
    method: 'GET',
    path: '/customers?businessId={businessId}&tags=vip&perPage=2',
    response: {
      data: [
        {
          id: 'cust_001',
          businessId: 'biz_abc123',
          name: 'Emily Johnson',
          email: 'emily@example.com',
          phone: '+15125559876',
          tags: ['vip', 'loyal'],
          notes: 'Regular customer — comes in every weekday morning.',
          reviewRequestsSent: 3,
          reviewsLeft: 1,
          lastVisit: '2024-11-19T08:15:00Z',
          createdAt: '2024-02-10T14:00:00Z',
          updatedAt: '2024-11-19T08:15:00Z',
        },
        {
          id: 'cust_002',
          businessId: 'biz_abc123',
          name: 'David Chen',
          email: 'david.chen@example.com',
          phone: '+15125554321',
          tags: ['vip'],
          notes: null,
          reviewRequestsSent: 1,
          reviewsLeft: 1,
          lastVisit: '2024-11-15T12:30:00Z',
          createdAt: '2024-06-05T09:00:00Z',
          updatedAt: '2024-11-15T12:30:00Z',
        },
      ],
      pagination: {
        page: 1,
        perPage: 2,
        total: 18,
        totalPages: 9,
      },
    },
  },
  {
    name: 'createCustomer',
    method: 'POST',
    path: '/customers',
    body: {
      name: 'Jessica Williams',
      email: 'jessica@example.com',
      phone: '+15125557890',
      tags: ['new', 'walk-in'],
      notes: 'Referred by Emily Johnson.',
    },
    response: {
      id: 'cust_003',
      businessId: 'biz_abc123',
      name: 'Jessica Williams',
      email: 'jessica@example.com',
      phone: '+15125557890',
      tags: ['new', 'walk-in'],
      notes: 'Referred by Emily Johnson.',
      reviewRequestsSent: 0,
      reviewsLeft: 0,
      lastVisit: null,
      createdAt: '2024-11-20T17:00:00Z',
      updatedAt: '2024-11-20T17:00:00Z',
    },
  },
  {
    name: 'updateCustomer',
    method: 'PUT',
    path: '/customers/{customerId}',
    body: {
      tags: ['vip', 'walk-in'],
      notes: 'Upgraded to VIP after third visit. Referred by Emily Johnson.',
    },
    response: {
      id: 'cust_003',
      businessId: 'biz_abc123',
      name: 'Jessica Williams',
      email: 'jessica@example.com',
      phone: '+15125557890',
      tags: ['vip', 'walk-in'],
      notes: 'Upgraded to VIP after third visit. Referred by Emily Johnson.',
      reviewRequestsSent: 0,
      reviewsLeft: 0,
      lastVisit: null,
      createdAt: '2024-11-20T17:00:00Z',
      updatedAt: '2024-11-20T17:45:00Z',
    },
  },
  {
    name: 'createReviewRequest',
    method: 'POST',
    path: '/review-requests',
    body: {
      customerName: 'Jessica Williams',
      customerEmail: 'jessica@example.com',
      customerPhone: '+15125557890',
      method: 'sms',
      businessId: '{businessId}',
    },
    response: {
      id: 'rr_98765',
      businessId: 'biz_abc123',
      customerId: 'cust_003',
      customerName: 'Jessica Williams',
      method: 'sms',
      status: 'sent',
      reviewLink: 'https://app.ratingsrise.com/r/abc123xyz',
      sentAt: '2024-11-20T18:00:00Z',
      openedAt: null,
      completedAt: null,
      createdAt: '2024-11-20T18:00:00Z',
    },
  },
  {
    name: 'listReviewRequests',
    method: 'GET',
    path: '/review-requests?status=completed&method=sms&perPage=2',
    response: {
      data: [
        {
          id: 'rr_98760',
          businessId: 'biz_abc123',
          customerId: 'cust_001',
          customerName: 'Emily Johnson',
          method: 'sms',
          status: 'completed',
          reviewLink: 'https://app.ratingsrise.com/r/def456uvw',
          sentAt: '2024-11-15T10:00:00Z',
          openedAt: '2024-11-15T10:05:00Z',
          completedAt: '2024-11-15T10:12:00Z',
          createdAt: '2024-11-15T10:00:00Z',
        },
        {
          id: 'rr_98755',
          businessId: 'biz_abc123',
          customerId: 'cust_002',
          customerName: 'David Chen',
          method: 'sms',
          status: 'completed',
          reviewLink: 'https://app.ratingsrise.com/r/ghi789rst',
          sentAt: '2024-11-10T14:30:00Z',
          openedAt: '2024-11-10T14:45:00Z',
          completedAt: '2024-11-10T15:00:00Z',
          createdAt: '2024-11-10T14:30:00Z',
        },
      ],
      pagination: {
        page: 1,
        perPage: 2,
        total: 34,
        totalPages: 17,
      },
    },
  },
  {
    name: 'analyticsOverview',
    method: 'GET',
    path: '/analytics/overview?businessId={businessId}',
    response: {
      businessId: 'biz_abc123',
      period: 'all_time',
      metrics: {
        totalReviews: 142,
        averageRating: 4.6,
        responseRate: 0.87,
        averageResponseTime: '2h 15m',
        totalRequestsSent: 210,
        requestConversionRate: 0.42,
        sentimentBreakdown: {
          positive: 112,
          neutral: 20,
          negative: 10,
        },
        platformBreakdown: {
          google: 128,
          yelp: 14,
        },
        reviewsThisMonth: 18,
        ratingChangeThisMonth: 0.1,
      },
    },
  },
  {
    name: 'analyticsRatings',
    method: 'GET',
    path: '/analytics/ratings?months=6&businessId={businessId}',
    response: {
      businessId: 'biz_abc123',
      months: 6,
      data: [
        {
          month: '2024-06',
          averageRating: 4.3,
          reviewCount: 12,
        },
        {
          month: '2024-07',
          averageRating: 4.4,
          reviewCount: 15,
        },
        {
          month: '2024-08',
          averageRating: 4.5,
          reviewCount: 19,
        },
        {
          month: '2024-09',
          averageRating: 4.5,
          reviewCount: 22,
        },
        {
          month: '2024-10',
          averageRating: 4.7,
          reviewCount: 25,
        },
        {
          month: '2024-11',
          averageRating: 4.6,
          reviewCount: 18,
        },
      ],
    },
  },
];

/** The quick-start examples (JavaScript and Python) list reviews of one business, 10 a page. */
export const QUICK_START_PATH = '/reviews?businessId={businessId}&perPage=10';

/** The documented 429: its headers and body. */
export const RATE_LIMITED = {
  headers: ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Retry-After'],
  body: {
    error: 'Rate limit exceeded. Please retry after 23 seconds.',
    code: 'RATE_LIMIT_EXCEEDED',
  },
};

/** The documented error format (a validation error of a review request). */
export const VALIDATION_ERROR_EXAMPLE = {
  error: 'Validation failed',
  code: 'VALIDATION_ERROR',
  details: {
    customerEmail: 'Must be a valid email address',
    method: 'Must be one of: sms, email, whatsapp',
  },
};

/** The documented webhook payload. */
export const WEBHOOK_PAYLOAD = {
  id: 'wh_evt_abc123',
  event: 'review.created',
  data: {
    id: 'rev_xyz789',
    businessId: 'biz_abc123',
    platform: 'google',
    rating: 5,
    content: 'Best coffee in Austin!',
    authorName: 'Sarah M.',
    sentiment: 'positive',
    publishedAt: '2024-11-18T09:30:00Z',
  },
  timestamp: '2024-11-18T10:00:05Z',
};

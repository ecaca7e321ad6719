/**
 * Documented requests and example responses of the EmbedMyReviews API, copied from
 * ../shared/reference/embedmyreviews-api.txt. Where the reference abbreviates `links`/`meta` as `{ ... }`,
 * the full envelope of its Pagination section stands in.
 */

export const paginationLinks = {
  first: 'https://app.your-white-label.com/api/v1/reviews?page=1',
  last: 'https://app.your-white-label.com/api/v1/reviews?page=5',
  prev: null,
  next: 'https://app.your-white-label.com/api/v1/reviews?page=2',
};
export const paginationMeta = { current_page: 1, from: 1, last_page: 5, per_page: 10, to: 10, total: 48 };

export const review = {
  id: 142,
  organization_id: 1,
  location_id: 3,
  integration_id: 12,
  author: 'Sarah Johnson',
  date: '2025-12-15T10:30:00.000000Z',
  rating: 5,
  title: null,
  message: 'Outstanding service!',
  source: 'Google',
  source_logo: 'https://example.com/logos/google.svg',
  avatar: 'https://...',
  reply: 'Thank you Sarah!',
  reply_date: '2025-12-16T09:00:00.000000Z',
  hidden: false,
  verified: false,
};

/** Documented fields Plaudit answers null (no counterpart): checked as nullable, listed in the docs. */
export const reviewNullable = [
  'data.source_logo',
  'data.avatar',
  'data.reply',
  'data.reply_date',
  'data.*.source_logo',
  'data.*.avatar',
  'data.*.reply',
  'data.*.reply_date',
];

export const listReviews = {
  request: { method: 'GET', path: '/api/v1/reviews?rating=5' },
  status: 200,
  response: { data: [review], links: paginationLinks, meta: paginationMeta },
};

export const getReview = {
  request: { method: 'GET', path: '/api/v1/reviews/142' },
  status: 200,
  response: {
    data: {
      ...review,
      integration_id: 42,
      source: 'Testimonials',
      source_logo: 'https://cdn.revw.me/img/integration-logos/testimonials.svg',
      reply: null,
      reply_date: null,
    },
  },
};

/** `curl -F` fields of the documented create request. */
export const createReview = {
  request: {
    method: 'POST',
    path: '/api/v1/reviews',
    form: {
      author: 'Jane Smith',
      rating: '5',
      message: 'Absolutely fantastic experience!',
      published_on: '2026-01-15',
      organization_id: '1',
      location_id: '3',
      source: '42',
    },
  },
  status: 201,
  response: {
    data: {
      id: 285,
      organization_id: 1,
      location_id: 3,
      integration_id: 42,
      author: 'Jane Smith',
      date: '2026-01-15T00:00:00.000000Z',
      rating: 5,
      title: null,
      message: 'Absolutely fantastic experience!',
      source: 'Testimonials',
      source_logo: 'https://cdn.revw.me/img/integration-logos/testimonials.svg',
      avatar: 'https://ui-avatars.com/api/?name=Jane Smith&background=333D9B&size=74&color=ffffff&rounded=1',
      reply: null,
      reply_date: null,
      hidden: false,
      verified: false,
    },
  },
};

export const updateReview = {
  request: {
    method: 'PUT',
    path: '/api/v1/reviews/285',
    form: { rating: '4', message: 'Updated review content.' },
  },
  status: 200,
};

export const deleteReview = {
  request: { method: 'DELETE', path: '/api/v1/reviews/285' },
  status: 200,
  response: { message: 'Review deleted successfully.' },
};

export const writableSources = {
  request: { method: 'GET', path: '/api/v1/reviews/sources?location_id=3' },
  status: 200,
  response: {
    data: [
      {
        id: 42,
        name: 'Testimonials',
        logo: 'https://cdn.revw.me/img/integration-logos/testimonials.svg',
        type: 'testimonials',
        organization_id: 1,
        location_id: 3,
      },
      {
        id: 58,
        name: 'My Custom Source',
        logo: 'https://cdn.revw.me/...',
        type: 'custom',
        organization_id: 1,
        location_id: 3,
      },
    ],
    links: paginationLinks,
    meta: paginationMeta,
  },
};

const organisation = {
  id: 1,
  name: 'Acme Dental Clinic',
  created_at: '2025-01-15T08:30:00.000000Z',
  updated_at: '2025-06-20T14:22:00.000000Z',
};

export const listOrganizations = {
  request: { method: 'GET', path: '/api/v1/organizations' },
  status: 200,
  response: { data: [organisation], links: paginationLinks, meta: paginationMeta },
};

export const createOrganization = {
  request: { method: 'POST', path: '/api/v1/organizations', json: { name: 'Downtown Branch' } },
  status: 201,
  response: {
    id: 2,
    name: 'Downtown Branch',
    created_at: '2025-12-15T10:30:00.000000Z',
    updated_at: '2025-12-15T10:30:00.000000Z',
  },
};

export const getOrganization = {
  request: { method: 'GET', path: '/api/v1/organizations/1' },
  status: 200,
  response: organisation,
};

export const updateOrganization = {
  request: { method: 'PUT', path: '/api/v1/organizations/1', json: { name: 'Updated Name' } },
  status: 200,
};

export const deleteOrganization = {
  request: { method: 'DELETE', path: '/api/v1/organizations/1' },
  status: 200,
  response: { message: 'Organization deleted successfully.' },
};

export const listCampaigns = {
  request: { method: 'GET', path: '/api/v1/request-reviews/campaigns' },
  status: 200,
  response: {
    data: [
      { id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890', name: 'Post-Visit Follow Up' },
      { id: 'f9e8d7c6-b5a4-3210-fedc-ba0987654321', name: 'Monthly Customer Outreach' },
    ],
    links: paginationLinks,
    meta: paginationMeta,
  },
};

export const sendInvite = {
  request: {
    method: 'POST',
    path: '/api/v1/request-reviews/campaigns/{campaign_uuid}/invite',
    json: { email: 'sarah@example.com', first_name: 'Sarah', send_after_hours: 0 },
  },
  status: 202,
  response: { id: 'c7d8e9f0-1234-5678-abcd-ef9876543210', message: 'Invites sent successfully.' },
};

export const listSources = {
  request: { method: 'GET', path: '/api/v1/sources' },
  status: 200,
  response: {
    data: [
      {
        id: 1,
        name: 'Google',
        url: 'https://google.com',
        logo: 'https://...',
        available: true,
        can_collect_reviews: true,
        deep_linking_supported: true,
      },
    ],
  },
};

export const listCountries = {
  request: { method: 'GET', path: '/api/v1/countries' },
  status: 200,
  response: [
    { id: 'US', name: 'United States' },
    { id: 'GB', name: 'United Kingdom' },
    { id: 'CA', name: 'Canada' },
  ],
};

export const me = {
  request: { method: 'GET', path: '/api/v1/me' },
  status: 200,
  response: { id: 1, name: 'John Smith', email: 'sarah@example.com' },
};

export const validationError = {
  status: 422,
  response: {
    message: 'The email field is required when phone is not present.',
    errors: { email: ['The email field is required when phone is not present.'] },
  },
};

export const reviewCreatedWebhook = {
  webhook_event: 'review-created',
  id: 142,
  organization_id: 1,
  location_id: 3,
  source_name: 'google',
  identifier: 'AbcXyz123',
  avatar: 'https://lh3.googleusercontent.com/a/photo.jpg',
  author: 'Sarah Johnson',
  rating: 5,
  original_rating: 5,
  title: null,
  message: 'Outstanding service! The team went above and beyond.',
  url: 'https://maps.google.com/review/...',
  verified: true,
  replied: false,
  reply_message: null,
  reply_url: null,
  hidden: false,
  reply_published_on: null,
  published_on: '2025-12-15T10:30:00+00:00',
  review_updated_on: null,
  updated_at: '2025-12-15T10:35:00+00:00',
  created_at: '2025-12-15T10:35:00+00:00',
  meta: {},
};

const customer = {
  id: 1,
  name: 'John Smith',
  email: 'john@example.com',
  phone: null,
  language: 'en',
  trial_ends_at: null,
  created_at: '2024-09-26T19:57:52.000000Z',
  updated_at: '2024-09-26T19:57:52.000000Z',
  custom_plan: { id: 2, name: 'Pro' },
  organizations: [{ id: 1, name: 'My Clinic' }],
};

/** Agency API: `curl -d` fields (urlencoded), the admin key as the agency token. */
export const createCustomer = {
  request: {
    method: 'POST',
    path: '/api/agency/v1/customers',
    form: {
      name: 'John Smith',
      company: 'My Clinic',
      email: 'john@example.com',
      password: 'Password123456',
      custom_plan_id: '2',
    },
  },
  status: 200,
  response: { data: customer },
};

export const switchPlan = {
  request: { method: 'PUT', path: '/api/agency/v1/customers/{customer}', form: { custom_plan_id: '2' } },
  status: 200,
  response: {
    data: {
      id: 1,
      name: 'John Smith',
      email: 'john@example.com',
      custom_plan: { id: 2, name: 'Pro' },
      organizations: [{ id: 1, name: 'My Clinic' }],
    },
  },
};

export const addCredits = {
  request: {
    method: 'POST',
    path: '/api/agency/v1/customers/{customer}/add-credits',
    form: { type: 'email', credits: '1000' },
  },
  status: 200,
  response: { message: 'Credits added successfully.', balance: 250 },
};

export const locationLimit = {
  request: {
    method: 'PUT',
    path: '/api/agency/v1/customers/{customer}/location-limit',
    form: { location_limit: '5' },
  },
  status: 200,
  response: { message: 'Location limit updated successfully.' },
};

/** Documented with member_limit=10: Plaudit has no member cap, so that is a 422 saying so; 0 (unlimited) is honoured. */
export const memberLimit = {
  request: {
    method: 'PUT',
    path: '/api/agency/v1/customers/{customer}/member-limit',
    form: { member_limit: '10' },
  },
  status: 200,
  response: { message: 'Member limit updated successfully.' },
};

export const pauseCustomer = {
  request: { method: 'PUT', path: '/api/agency/v1/customers/{customer}/pause' },
  status: 200,
  response: { message: 'Subscription has been paused.' },
};

export const resumeCustomer = {
  request: { method: 'PUT', path: '/api/agency/v1/customers/{customer}/resume' },
  status: 200,
  response: { message: 'Subscription has been resumed.' },
};

export const deleteCustomer = {
  request: { method: 'DELETE', path: '/api/agency/v1/customers/{customer}' },
  status: 200,
  response: { message: 'Customer deleted successfully.' },
};

export const listCustomers = {
  request: { method: 'GET', path: '/api/agency/v1/customers' },
  status: 200,
  response: {
    data: [{ ...customer, trial_ends_at: '2023-08-24T16:57:57.000000Z' }],
    links: paginationLinks,
    meta: { current_page: 1, from: 1, per_page: 10, to: 10 },
  },
};

export const listPlans = {
  request: { method: 'GET', path: '/api/agency/v1/custom-plans' },
  status: 200,
  response: {
    data: [
      {
        id: 1,
        stripe_monthly_id: '',
        stripe_yearly_id: '',
        name: 'Basic',
        is_default: false,
        is_hidden: false,
        is_free: true,
        updated_at: '2024-09-26T10:19:58.000000Z',
        created_at: '2023-07-25T15:14:02.000000Z',
      },
    ],
  },
};

export const listOrders = {
  request: { method: 'GET', path: '/api/agency/v1/orders' },
  status: 200,
  response: {
    data: [
      {
        id: '27d2ba02-...',
        order_number: 'HUFTMX-1733678942',
        email: 'john@example.com',
        total: 49.99,
        currency: 'usd',
        status: 'completed',
        shipping: {
          name: 'John Smith',
          address: '49 Featherstone Street',
          city: 'London',
          country: 'GB',
          tracking_url: null,
        },
        items: [
          {
            product_name: 'Google Review Card',
            quantity: 1,
            unit_price: 29.99,
            nfc_urls: ['https://your-domain.com/nfc/...'],
          },
        ],
      },
    ],
  },
};

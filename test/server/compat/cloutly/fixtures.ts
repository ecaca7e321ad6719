/**
 * The request examples of Cloutly's REST API reference (shared/reference/cloutly-api.txt) and the documented
 * responses, copied as published (the `...` of "fields may be added" and the comments dropped). Ids in
 * requests are placeholders the test replaces with the fresh Plaudit's own.
 */
export const documented = {
  businesses: {
    request: { method: 'GET', path: '/businesses' },
    response: [
      {
        id: '5ef7b45b-2fd2-4719-88fd-96ef62f9d4a4',
        name: 'My Business',
        sources: ['google', 'facebook'],
      },
    ],
  },
  reviews: {
    request: { method: 'GET', path: '/reviews' },
    response: {
      total: 30,
      reviews: [
        {
          authorName: 'Tim Crowel',
          businessId: '634d8ed1-11fd-413d-a9a6-d6b8ba0c95a5',
          createdAt: '2021-02-03T00:00:00.000Z',
          email: '[email protected]',
          id: 'cbd42728-9c56-4485-813c-4c85d1e64cf4',
          isArchived: false,
          name: 'Tim Crowel',
          phoneNumber: null,
          photo: 'https_link_to_CDN',
          rating: '5',
          showOnWidget: true,
          response: {
            name: 'My Business',
            date: '2021-02-04',
            comment:
              "Thank you for the wonderful feedback Tim. We're glad the process was simple and easy and will be sure to pass your feedback on to the team! :) Thanks Tara",
          },
          shield: false,
          source: 'trustpilot',
          sourceFeedbackId: '601a81b4679d9705c86295eb',
          status: 'Responded',
          reviewUrl: 'https://example.com/url/to/review/source',
          text: "Fantastic. Couldn't be more satisfied. The whole process was Simple, Easy, Efficient and the demonstrated true professionalism by thinking on their feet and finding a way to make it happen. Highly recommended.",
          type: null,
          videoRef: '/uploads/xxx/xxx.mp4',
          gifRef: '/uploads/xxx/xxx.gif',
          updatedAt: '2021-03-01T00:02:21.739Z',
        },
      ],
    },
    /** Fields the reference says may be null ("Most fields a nullable"), or that Plaudit has no counterpart for. */
    nullable: [
      'reviews.*.email',
      'reviews.*.photo',
      'reviews.*.response',
      'reviews.*.sourceFeedbackId',
      'reviews.*.reviewUrl',
      'reviews.*.videoRef',
      'reviews.*.gifRef',
    ],
  },
  sendReviewInvite: {
    request: {
      method: 'POST',
      path: '/send-review-invite',
      body: {
        firstName: 'John',
        lastName: 'Smith',
        channel: { email: 'useremail@gmail.com', phoneNumber: '+4412321321321' },
        source: 'api',
        sourceContactId: 'number123',
        businessId: '44271176-7053-4534-ad6f-b38d132d341e',
        campaignId: '2c07094a-ed58-4cf2-9595-cf1b1d303d9d',
        inviteDelayDays: 1,
      },
    },
    response: {
      contact: {
        id: 'fbd481f1-719e-4f38-b1ab-49109c65f164',
        firstName: 'john',
        lastName: 'smith',
        email: 'abc@icloud.com',
        phoneNumber: null,
        source: 'api',
        sourceContactId: 'number123',
      },
      usage: { smsLimitsLeft: 19, renews: '2023-07-28T16:40:27.243Z' },
    },
  },
} as const;

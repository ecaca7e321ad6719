import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RatingFlow } from '../../landing/islands/rating-flow';
import { flow } from './flow-fixtures';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const stubFetch = () => vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{"ok":true}'));

describe('RatingFlow island', () => {
  it('offers 5 named stars as a radio group and greets by name', () => {
    render(<RatingFlow {...flow({}, { greeting: 'Jessica' })} />);
    const group = screen.getByRole('radiogroup', {
      name: 'Hi Jessica — how was your visit to Joe’s Coffee?',
    });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('aria-label'))).toEqual([
      '1 star',
      '2 stars',
      '3 stars',
      '4 stars',
      '5 stars',
    ]);
    expect(radios.every((r) => r.getAttribute('type') === 'submit')).toBe(true);
  });

  it('one tap on 5 stars posts the rating and shows the platforms and the testimonial offer', () => {
    const fetch = stubFetch();
    render(<RatingFlow {...flow()} />);
    fireEvent.click(screen.getByRole('radio', { name: '5 stars' }));
    expect(fetch).toHaveBeenCalledWith('/v/visit_test/rate', expect.objectContaining({ method: 'POST' }));
    expect(String((fetch.mock.calls[0][1] as RequestInit).body)).toBe('rating=5');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Thank you! Would you share it publicly?',
    );
    expect(screen.getByRole('link', { name: 'Review us on Google' }).getAttribute('href')).toBe(
      '/go/visit_test/google',
    );
    expect(screen.getByText('May we quote you on our website?')).toBeTruthy();
  });

  it.each([
    ['soft', true],
    ['strict', false],
  ] as const)('a low rating in %s mode shows the private form (platforms shown: %s)', (mode, platforms) => {
    stubFetch();
    render(<RatingFlow {...flow({ mode })} />);
    fireEvent.click(screen.getByRole('radio', { name: '2 stars' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sorry to hear that. What happened?');
    expect(screen.getByLabelText('What could we do better?')).toBeTruthy();
    expect((document.querySelector('input[name=rating]') as HTMLInputElement).value).toBe('2');
    expect(screen.queryAllByRole('link', { name: /Review us on/ })).toHaveLength(platforms ? 2 : 0);
  });

  it('in off mode shows the platforms first to a low rating, private feedback as an option', () => {
    stubFetch();
    render(<RatingFlow {...flow({ mode: 'off' })} />);
    fireEvent.click(screen.getByRole('radio', { name: '1 star' }));
    expect(screen.getAllByRole('link', { name: /Review us on/ })).toHaveLength(2);
    expect(screen.getByText('Prefer to tell Joe’s Coffee privately?')).toBeTruthy();
  });

  it('NPS offers 0–10 and gates at the threshold', () => {
    stubFetch();
    render(<RatingFlow {...flow({ scale: 'nps', threshold: 9 })} />);
    expect(screen.getAllByRole('radio')).toHaveLength(11);
    expect(screen.getByRole('radio', { name: '0 out of 10' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '8 out of 10' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sorry to hear that. What happened?');
  });

  it('thumbs offers up and down; up goes to the platforms', () => {
    stubFetch();
    render(<RatingFlow {...flow({ scale: 'thumbs', threshold: 1 })} />);
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual([
      'Good',
      'Not good',
    ]);
    fireEvent.click(screen.getByRole('radio', { name: 'Good' }));
    expect(screen.getAllByRole('link', { name: /Review us on/ })).toHaveLength(2);
  });

  it('lets the customer change their rating, moving focus to the new step’s heading', () => {
    stubFetch();
    render(<RatingFlow {...flow({}, { rating: 2 })} />);
    fireEvent.click(screen.getByRole('link', { name: 'Change my rating' }));
    expect(screen.getAllByRole('radio')).toHaveLength(5);
    expect(document.activeElement?.tagName).toBe('H1');
  });

  it('shows server-side form errors next to their fields, with the typed text kept as text', () => {
    render(
      <RatingFlow
        {...flow(
          {},
          {
            rating: 1,
            form: {
              kind: 'feedback',
              errors: { email: 'Please enter a valid email address.' },
              values: { comments: '<img src=x onerror=alert(1)>', email: 'nope' },
            },
          },
        )}
      />,
    );
    const email = screen.getByLabelText('Email (optional)');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(email.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Please enter a valid email address.',
    );
    expect((screen.getByLabelText('What could we do better?') as HTMLTextAreaElement).value).toBe(
      '<img src=x onerror=alert(1)>',
    );
    expect(document.querySelector('img')).toBeNull();
  });
});

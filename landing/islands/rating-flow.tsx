import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { NextStep } from '../pages/next-step';
import { RateStep } from '../pages/rate-step';
import { visitPath } from '../paths';
import type { FlowProps } from '../types';

/**
 * The one-tap rating: server-rendered as plain forms, hydrated to swap steps without a page load.
 * The rating post is fire-and-forget: the next step's forms and links carry what the server needs.
 */
export function RatingFlow(props: FlowProps) {
  const rating = useSignal(props.rating);
  const root = useRef<HTMLDivElement>(null);
  const mounted = useRef(false);
  const current = rating.value;

  useEffect(() => {
    // Moving focus to the new heading tells screen readers the step changed; not on first render.
    if (mounted.current) root.current?.querySelector<HTMLElement>('h1')?.focus();
    mounted.current = true;
  }, [current]);

  const rate = (score: number) => {
    rating.value = score;
    if (!props.token) return;
    fetch(visitPath(props.token, 'rate'), {
      method: 'POST',
      body: new URLSearchParams({ rating: String(score) }),
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
      keepalive: true,
    }).catch(() => undefined);
  };

  return (
    <div ref={root}>
      {current === null ? (
        <RateStep flow={props} selected={null} onRate={rate} />
      ) : (
        <NextStep flow={props} rating={current} onChange={() => (rating.value = null)} />
      )}
    </div>
  );
}

import { format } from '../i18n/format';
import type { FlowProps } from '../types';

/** Big buttons to the business's public review sites, each through the `/go/…` tracking redirect. */
export function PlatformList({ flow }: { flow: Pick<FlowProps, 'platforms' | 't'> }) {
  if (!flow.platforms.length) return null;
  return (
    <ul class="platforms">
      {flow.platforms.map((platform) => (
        <li key={platform.key}>
          <a class="btn" href={platform.href} rel="noreferrer">
            {format(flow.t.reviewOn, { platform: platform.name })}
          </a>
        </li>
      ))}
    </ul>
  );
}

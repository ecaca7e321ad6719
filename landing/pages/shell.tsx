import type { ComponentChildren } from 'preact';
import type { BrandProps } from '../types';

/** The business's name and logo above every step. */
export function Shell({ brand, children }: { brand: BrandProps; children: ComponentChildren }) {
  return (
    <>
      <header class="brand">
        {brand.logoUrl && <img src={brand.logoUrl} alt="" width={40} height={40} />}
        <span>{brand.name}</span>
      </header>
      <main id="main">{children}</main>
    </>
  );
}

import type { ReactNode } from 'react';

/** The Tailor mark with a title next to it. */
export function Brand({ children }: { children: ReactNode }) {
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden>
        T
      </span>
      {children}
    </div>
  );
}

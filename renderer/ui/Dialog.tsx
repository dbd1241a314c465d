import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer: ReactNode;
  onClose: () => void;
  /** Escape and backdrop clicks close unless the dialog is busy (an import must be cancelled explicitly). */
  busy?: boolean;
  /** Pixels, or any CSS width such as `min(1180px, calc(100vw - 48px))`. */
  width?: number | string;
}

/** A width in pixels never wider than the window (less the backdrop's margin): at 1024 px a wide dialog's footer stayed off-screen. */
const dialogWidth = (width: number | string): string => (typeof width === 'number' ? `min(${width}px, calc(100vw - 48px))` : width);

export function Dialog({ title, description, children, footer, onClose, busy = false, width }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !busy) onClose();
    };
    window.addEventListener('keydown', onKey);
    ref.current?.querySelector<HTMLElement>('input, select, button.btn-primary')?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, onClose]);
  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && !busy && onClose()}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        ref={ref}
        style={width ? { width: dialogWidth(width) } : undefined}
      >
        <header>
          <h2>{title}</h2>
          {description && <p>{description}</p>}
        </header>
        <div className="body">{children}</div>
        <footer>{footer}</footer>
      </div>
    </div>
  );
}

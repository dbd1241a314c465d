/** Small stroke icons (Feather-style paths drawn for Tailor); inline so they work offline and inherit colour. */
const base = {
  width: 14,
  height: 14,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

export const PencilIcon = () => (
  <svg {...base} aria-hidden>
    <path d="M4 20h4L19 9l-4-4L4 16z" />
  </svg>
);

export const TrashIcon = () => (
  <svg {...base} aria-hidden>
    <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" />
  </svg>
);

export const ExpandIcon = () => (
  <svg {...base} aria-hidden>
    <path d="M14 4h6v6M10 20H4v-6M20 4l-7 7M4 20l7-7" />
  </svg>
);

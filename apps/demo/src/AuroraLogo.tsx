/** The fictional bank's mark: an aurora arc over a night-blue tile. Decorative; the name is text. */
export function AuroraLogo() {
  return (
    <svg
      className="aurora-logo"
      viewBox="0 0 32 32"
      width="36"
      height="36"
      aria-hidden="true"
      focusable="false"
    >
      <defs>
        <linearGradient id="aurora-arc" x1="0" y1="1" x2="1" y2="0">
          <stop offset="0" stopColor="#2dd4bf" />
          <stop offset="1" stopColor="#a78bfa" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="9" fill="#1e1b4b" />
      <path d="M6 23c4-10 14-14 20-13-6 2-10 7-12 13z" fill="url(#aurora-arc)" />
      <circle cx="23" cy="9" r="1.6" fill="#e0e7ff" />
    </svg>
  );
}

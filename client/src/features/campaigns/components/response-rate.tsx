/** A rate as a whole percentage; a dash when there is none (nobody invited). */
export function percentText(rate: number | null): string {
  return rate === null ? '—' : `${String(Math.round(rate * 100))} %`;
}

/** A response rate as a bar and a whole percentage; a dash when nobody was invited. */
export function ResponseRate({ rate }: { rate: number | null }) {
  return (
    <>
      <span className="progress-bar" aria-hidden="true">
        <span className="progress-bar__fill" style={{ width: `${String(Math.min(100, (rate ?? 0) * 100))}%` }} />
      </span>{' '}
      {percentText(rate)}
    </>
  );
}

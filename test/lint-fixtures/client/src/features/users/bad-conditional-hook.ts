import { useState } from 'react';

export function useMaybeCount(enabled: boolean): number {
  if (!enabled) return 0;
  const [count] = useState(1);
  return count;
}

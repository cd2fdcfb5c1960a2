import { QueryClient, type DefaultOptions } from '@tanstack/react-query';

import { ApiError, NETWORK_ERROR_STATUS } from './api-client';

const MAX_RETRIES = 2;

/** A 4xx will answer the same way next time; only retry what may be transient. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (error instanceof ApiError) {
    return error.statusCode === NETWORK_ERROR_STATUS || error.statusCode >= 500 || error.statusCode === 429;
  }
  return true;
}

export const queryConfig = {
  queries: {
    staleTime: 30_000,
    retry: shouldRetry,
    refetchOnWindowFocus: true,
  },
  mutations: {
    retry: false,
  },
} satisfies DefaultOptions;

export const queryClient = new QueryClient({ defaultOptions: queryConfig });

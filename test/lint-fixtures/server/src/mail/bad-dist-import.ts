import type { ThrottlerLimitDetail } from '@nestjs/throttler/dist/throttler.guard.interface';

export type Detail = ThrottlerLimitDetail;

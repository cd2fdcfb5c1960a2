import { Global, Module } from '@nestjs/common';
import { ResponseCounts } from '../campaigns';
import { ResponseProgressService } from './response-progress.service';

/**
 * Response counts for campaigns' lists and progress. Global because the campaigns module cannot
 * import the responses module: responses imports campaigns (to resolve links), and Nest modules,
 * like files, must not import each other in a circle.
 */
@Global()
@Module({
  providers: [ResponseProgressService, { provide: ResponseCounts, useExisting: ResponseProgressService }],
  exports: [ResponseProgressService, ResponseCounts],
})
export class ResponseCountsModule {}

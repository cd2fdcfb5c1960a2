import type { AmendmentPosition, AmendmentVotesDto } from '@concord/shared';
import { type EntityManager, In } from 'typeorm';
import { CharterAmendmentVote } from './entities/charter-amendment-vote.entity';

/** Support and opposition per amendment, counted in SQL, with the reader's own voice. */
export async function countVotes(
  manager: EntityManager,
  amendmentIds: readonly string[],
  readerId: string,
): Promise<Map<string, AmendmentVotesDto>> {
  const votes = new Map<string, AmendmentVotesDto>();
  if (amendmentIds.length === 0) return votes;
  const rows = await manager
    .getRepository(CharterAmendmentVote)
    .createQueryBuilder('vote')
    .select('vote.amendment_id', 'amendmentId')
    .addSelect(`COUNT(*) FILTER (WHERE vote.position = 'support')`, 'support')
    .addSelect(`COUNT(*) FILTER (WHERE vote.position = 'oppose')`, 'oppose')
    .addSelect('MAX(vote.position) FILTER (WHERE vote.user_id = :readerId)', 'mine')
    .where({ amendmentId: In([...amendmentIds]) })
    .setParameter('readerId', readerId)
    .groupBy('vote.amendment_id')
    .getRawMany<{ amendmentId: string; support: string; oppose: string; mine: AmendmentPosition | null }>();
  for (const row of rows) {
    votes.set(row.amendmentId, { support: Number(row.support), oppose: Number(row.oppose), mine: row.mine });
  }
  return votes;
}

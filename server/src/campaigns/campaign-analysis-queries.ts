import type { EntityManager } from 'typeorm';
import { Campaign } from './entities/campaign.entity';

/** Reads of campaigns for the features that analyse them (tallies, exports, free text). */

export async function findCampaign(manager: EntityManager, campaignId: string): Promise<Campaign | null> {
  return manager.findOneBy(Campaign, { id: campaignId });
}

/** The ids of every campaign run on a survey, any version. */
export async function campaignIdsOfSurvey(manager: EntityManager, surveyId: string): Promise<string[]> {
  const campaigns = await manager.find(Campaign, { select: { id: true }, where: { surveyId } });
  return campaigns.map((campaign) => campaign.id);
}

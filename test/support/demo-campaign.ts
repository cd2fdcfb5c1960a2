import type { CampaignDto } from '@concord/shared';
import type { StaffApi } from './browser-staff';

/** The closed campaign the built server seeds for its demo, answered by the seeded networks. */
export const DEMO_CAMPAIGN = 'Charter review 2020';

/** The title of the demo questionnaire's question `rtm_frequency`. */
export const FREQUENCY_TITLE = 'How often should Round Table Meetings take place?';

/** The demo campaign in a list of campaigns; fails if the server did not seed it. */
export function demoCampaignIn<Campaign extends { name: string }>(campaigns: readonly Campaign[]): Campaign {
  const campaign = campaigns.find((found) => found.name === DEMO_CAMPAIGN);
  if (campaign === undefined) throw new Error(`the demo campaign "${DEMO_CAMPAIGN}" was not seeded`);
  return campaign;
}

/** The demo campaign as the staff API lists it. */
export async function demoCampaign(api: StaffApi): Promise<CampaignDto> {
  return demoCampaignIn(await api<CampaignDto[]>('GET', '/api/campaigns'));
}

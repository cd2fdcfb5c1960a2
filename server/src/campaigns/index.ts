// The campaigns feature's public surface: other features import from here only.
export { CampaignsModule } from './campaigns.module';
export { CampaignsService, type PersonalInvitation } from './campaigns.service';
export { toCsv } from './csv-export';
export { type NetworkResponseCounts, ResponseCounts } from './response-counts';
export {
  type FoundLink,
  type LinkMember,
  liveInvitationCondition,
  RespondentLinksService,
} from './respondent-links.service';
// Types only: other features read campaigns and links they were given, never query these tables.
export type { Campaign } from './entities/campaign.entity';
export type { Invitation } from './entities/invitation.entity';
export {
  campaignsDueForRetention,
  deleteCampaignRecords,
  deleteInvitationRecords,
  existingCampaignIds,
  invitationsOfMember,
  invitationsOfMembers,
  lockCampaignDueForRetention,
  markIdentitiesRemoved,
  setRetentionDays,
} from './campaign-records';
export { campaignVersionId } from './campaign-fact-queries';

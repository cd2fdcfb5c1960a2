// The campaigns feature's public surface: other features import from here only.
export { CampaignsModule } from './campaigns.module';
export { CampaignsService, type PersonalInvitation } from './campaigns.service';
export { toCsv } from './csv-export';
export { type NetworkResponseCounts, ResponseCounts } from './response-counts';
export {
  type FoundLink,
  foundLinkFromRow,
  type FoundLinkRow,
  type LinkCampaign,
  type LinkInvitation,
  type LinkMember,
  linkByTokenHash,
  liveInvitationCondition,
  livePersonalLinkByTokenHash,
  RespondentLinksService,
} from './respondent-links.service';
// Types only: other features read campaigns and links they were given, never query these tables.
export type { Campaign } from './entities/campaign.entity';
export type { Invitation } from './entities/invitation.entity';
export {
  campaignNameTaken,
  campaignsDueForRetention,
  deleteCampaignRecords,
  deleteInvitationRecords,
  existingCampaignIds,
  type HistoricCampaign,
  insertHistoricCampaign,
  insertPersonalInvitations,
  invitationsOfMember,
  invitationsOfMembers,
  lockCampaignDueForRetention,
  markIdentitiesRemoved,
  markInvitationsOpened,
  setRetentionDays,
} from './campaign-records';
export { allCampaignIds, campaignVersionId } from './campaign-fact-queries';
export { campaignIdsOfSurvey, findCampaign } from './campaign-analysis-queries';

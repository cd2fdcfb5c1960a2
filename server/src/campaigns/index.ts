// The campaigns feature's public surface: other features import from here only.
export { CampaignsModule } from './campaigns.module';
export { CampaignsService, type PersonalInvitation } from './campaigns.service';
export { toCsv } from './csv-export';
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

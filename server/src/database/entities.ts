import { CharterAmendment } from '../charter/entities/charter-amendment.entity';
import { CharterAmendmentVote } from '../charter/entities/charter-amendment-vote.entity';
import { CharterClauseTranslation } from '../charter/entities/charter-clause-translation.entity';
import { CharterComment } from '../charter/entities/charter-comment.entity';
import { CharterDocument } from '../charter/entities/charter-document.entity';
import { CharterEvidence } from '../charter/entities/charter-evidence.entity';
import { CharterRevision } from '../charter/entities/charter-revision.entity';
import { AnalysisSettings } from '../analysis/entities/analysis-settings.entity';
import { PendingChange } from '../analysis/entities/pending-change.entity';
import { RollupLogic } from '../analysis/entities/rollup-logic.entity';
import { ResponseTombstone } from '../analysis/entities/response-tombstone.entity';
import { TallyRollup } from '../analysis/entities/tally-rollup.entity';
import { AuditEvent, AuditHead } from '../audit/entities/audit-event.entity';
import { ApiToken } from '../auth/entities/api-token.entity';
import { PasswordReset } from '../auth/entities/password-reset.entity';
import { Session } from '../auth/entities/session.entity';
import { ThrottleHit } from '../auth/entities/throttle-hit.entity';
import { User } from '../auth/entities/user.entity';
import { RecoveryCode } from '../auth/entities/recovery-code.entity';
import { TotpPolicy } from '../auth/entities/totp-policy.entity';
import { Network } from '../networks/entities/network.entity';
import { Survey } from '../surveys/entities/survey.entity';
import { SurveyVersion } from '../surveys/entities/survey-version.entity';
import { NetworkMember } from '../networks/entities/network-member.entity';
import { Campaign } from '../campaigns/entities/campaign.entity';
import { Invitation } from '../campaigns/entities/invitation.entity';
import { SurveyResponse } from '../responses/entities/survey-response.entity';
import { ResponseRevision } from '../responses/entities/response-revision.entity';
import { OutboxMessage } from '../mail/entities/outbox-message.entity';
import { CampaignMailWording } from '../mail/entities/campaign-mail-wording.entity';
import { CodingTheme } from '../coding/entities/coding-theme.entity';
import { AnswerCoding, AnswerCodingTheme } from '../coding/entities/answer-coding.entity';
import { DemoRecord } from '../demo/entities/demo-record.entity';

/**
 * Every entity, in one list: the data source and the migration generator both use it, so a new
 * entity that is not listed here is neither loaded nor migrated.
 */
export const ALL_ENTITIES = [
  User,
  Session,
  ApiToken,
  PasswordReset,
  ThrottleHit,
  RecoveryCode,
  TotpPolicy,
  AuditEvent,
  AuditHead,
  Network,
  Survey,
  SurveyVersion,
  NetworkMember,
  Campaign,
  Invitation,
  SurveyResponse,
  ResponseRevision,
  OutboxMessage,
  CampaignMailWording,
  DemoRecord,
  CharterDocument,
  CharterRevision,
  CharterComment,
  CharterAmendment,
  CharterEvidence,
  TallyRollup,
  RollupLogic,
  PendingChange,
  ResponseTombstone,
  AnalysisSettings,
  CodingTheme,
  AnswerCoding,
  AnswerCodingTheme,
  CharterAmendmentVote,
  CharterClauseTranslation,
];

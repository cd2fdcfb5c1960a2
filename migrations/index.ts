import type { MigrationInterface } from 'typeorm';
import { Init1795243310482 } from './1795243310482-Init';
import { CampaignsAndResponses1795243763554 } from './1795243763554-CampaignsAndResponses';
import { CharterDocuments1795243816529 } from './1795243816529-CharterDocuments';
import { Surveys1795243869938 } from './1795243869938-Surveys';
import { AnalysisTallies1795244165273 } from './1795244165273-AnalysisTallies';
import { AuditSealing1795244356339 } from './1795244356339-AuditSealing';
import { Outbox1795244701069 } from './1795244701069-Outbox';
import { ResponseCompletionAudit1795247026517 } from './1795247026517-ResponseCompletionAudit';
import { RespondentResumePosition1796019959293 } from './1796019959293-RespondentResumePosition';
import { FreeTextCoding1796020262514 } from './1796020262514-FreeTextCoding';
import { PasswordResets1796032754468 } from './1796032754468-PasswordResets';
import { CharterVotesAndTranslations1796032996676 } from './1796032996676-CharterVotesAndTranslations';
import { ServerComputedEvidence1796033088040 } from './1796033088040-ServerComputedEvidence';
import { TallyRollupLogic1796035566085 } from './1796035566085-TallyRollupLogic';
import { PrivacyAndDemoRegistry1796044195051 } from './1796044195051-PrivacyAndDemoRegistry';
import { TallyEngineCatchUp1796044301077 } from './1796044301077-TallyEngineCatchUp';
import { TwoFactorAndSingleSignOn1796044345514 } from './1796044345514-TwoFactorAndSingleSignOn';
import { EvidenceThemesAndQuotes1796044646443 } from './1796044646443-EvidenceThemesAndQuotes';
import { CampaignMailWording1796055355766 } from './1796055355766-CampaignMailWording';
import { LeanerTallyFold1796126420269 } from './1796126420269-LeanerTallyFold';

export const ALL_MIGRATIONS: Array<new () => MigrationInterface> = [
  Init1795243310482,
  CampaignsAndResponses1795243763554,
  CharterDocuments1795243816529,
  Surveys1795243869938,
  AnalysisTallies1795244165273,
  AuditSealing1795244356339,
  Outbox1795244701069,
  ResponseCompletionAudit1795247026517,
  RespondentResumePosition1796019959293,
  FreeTextCoding1796020262514,
  PasswordResets1796032754468,
  CharterVotesAndTranslations1796032996676,
  ServerComputedEvidence1796033088040,
  TallyRollupLogic1796035566085,
  PrivacyAndDemoRegistry1796044195051,
  TallyEngineCatchUp1796044301077,
  TwoFactorAndSingleSignOn1796044345514,
  EvidenceThemesAndQuotes1796044646443,
  CampaignMailWording1796055355766,
  LeanerTallyFold1796126420269,
];

import { CharterAmendment } from '../charter/entities/charter-amendment.entity';
import { CharterComment } from '../charter/entities/charter-comment.entity';
import { CharterDocument } from '../charter/entities/charter-document.entity';
import { CharterEvidence } from '../charter/entities/charter-evidence.entity';
import { CharterRevision } from '../charter/entities/charter-revision.entity';
import { AuditEvent, AuditHead } from '../audit/entities/audit-event.entity';
import { ApiToken } from '../auth/entities/api-token.entity';
import { Session } from '../auth/entities/session.entity';
import { ThrottleHit } from '../auth/entities/throttle-hit.entity';
import { User } from '../auth/entities/user.entity';
import { Network } from '../networks/entities/network.entity';
import { NetworkMember } from '../networks/entities/network-member.entity';
import { Campaign } from '../campaigns/entities/campaign.entity';
import { Invitation } from '../campaigns/entities/invitation.entity';
import { SurveyResponse } from '../responses/entities/survey-response.entity';
import { ResponseRevision } from '../responses/entities/response-revision.entity';

/**
 * Every entity, in one list: the data source and the migration generator both use it, so a new
 * entity that is not listed here is neither loaded nor migrated.
 */
export const ALL_ENTITIES = [User, Session, ApiToken, ThrottleHit, AuditEvent, AuditHead, Network, NetworkMember, CharterDocument, CharterRevision, CharterComment, CharterAmendment, CharterEvidence];

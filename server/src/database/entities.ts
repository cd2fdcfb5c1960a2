import { AuditEvent, AuditHead } from '../audit/entities/audit-event.entity';
import { ApiToken } from '../auth/entities/api-token.entity';
import { Session } from '../auth/entities/session.entity';
import { ThrottleHit } from '../auth/entities/throttle-hit.entity';
import { User } from '../auth/entities/user.entity';
import { Network } from '../networks/entities/network.entity';

/**
 * Every entity, in one list: the data source and the migration generator both use it, so a new
 * entity that is not listed here is neither loaded nor migrated.
 */
export const ALL_ENTITIES = [User, Session, ApiToken, ThrottleHit, AuditEvent, AuditHead, Network];

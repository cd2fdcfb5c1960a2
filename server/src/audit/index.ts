// The audit feature's public surface: other features import from here only.
export { AuditModule } from './audit.module';
export { AuditService, type AuditEntry } from './audit.service';
export { auditEventsAbout, auditHasAction } from './audit-records';

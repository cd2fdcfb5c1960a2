// The privacy feature's public surface: other features import from here only.
export { PrivacyModule } from './privacy.module';
export { MemberPrivacyService } from './member-privacy.service';
export { RetentionService } from './retention.service';

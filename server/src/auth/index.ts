// The auth feature's public surface: other features import from here only.
// (Route decorators such as @Roles live in common/access.decorators.ts: every feature uses them.)
export { hashPassword } from './passwords';
export { AuthModule } from './auth.module';
export { UsersService } from './users.service';
export { deleteUserRecords, existingUserIds } from './user-records';

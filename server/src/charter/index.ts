// The charter feature's public surface: other features import from here only.
export { CharterModule } from './charter.module';
export { CharterSeedService, type DemoMarker } from './charter-seed.service';
export { campaignsCitedOutside, chairingUsers, deleteCharterRecords, existingCharterIds } from './charter-records';

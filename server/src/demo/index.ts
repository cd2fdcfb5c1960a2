// The demo feature's public surface: other features import from here only.
export { DemoModule } from './demo.module';
export { DemoDataService } from './demo-data.service';
export { demoWasRemoved, markDemo } from './demo-records';

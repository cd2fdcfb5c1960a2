export { campaignLabel } from './campaign-label';

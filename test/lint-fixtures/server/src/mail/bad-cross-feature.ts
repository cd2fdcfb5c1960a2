import { campaignLabel } from '../campaigns/campaign-label';

export const subject = campaignLabel('x');

import { campaignLabel } from '../campaigns';

export const subject = campaignLabel('x');

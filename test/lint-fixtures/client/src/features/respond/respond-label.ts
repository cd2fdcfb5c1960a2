export const respondLabel = 'Respond';

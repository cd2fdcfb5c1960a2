/** The columns every responses export starts with, in order: where a response comes from, its version and state. */
export const RESPONSE_COLUMNS = [
  'response_id',
  'response_network',
  'response_country',
  'response_role',
  'response_language',
  'response_version',
  'response_status',
  'response_completed_at',
];

/** The header row of an export's codebook sheet. */
export const CODEBOOK_COLUMNS = ['column', 'question', 'title', 'type', 'holds', 'choices', 'versions'];

/** An XLSX file downloaded from the API (an `asBinary` response body), opened for reading. */
export async function openWorkbook(body: unknown): Promise<import('exceljs').Workbook> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

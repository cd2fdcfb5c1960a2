import { describe, expect, it } from '@jest/globals';

import { columnHeadings } from './column-headings';

describe('columnHeadings', () => {
  it('makes plain labels headings and keeps headings with options as they are', () => {
    expect(columnHeadings(['Network', { label: 'Invited', numeric: true }, 'Response rate'])).toEqual([
      { label: 'Network' },
      { label: 'Invited', numeric: true },
      { label: 'Response rate' },
    ]);
  });

  it('drops the columns a table leaves out and keeps the order of the others', () => {
    const isAdmin = false;
    const canEdit = true;
    expect(columnHeadings(['Name', isAdmin && 'Personal data', 'Role', canEdit && 'Actions'])).toEqual([
      { label: 'Name' },
      { label: 'Role' },
      { label: 'Actions' },
    ]);
  });

  it('keeps an empty label, for a column of buttons without a heading', () => {
    expect(columnHeadings(['Link', ''])).toEqual([{ label: 'Link' }, { label: '' }]);
  });

  it('gives no headings for no columns', () => {
    expect(columnHeadings([])).toEqual([]);
  });
});

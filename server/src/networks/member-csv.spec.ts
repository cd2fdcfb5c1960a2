import { checkMemberList, CsvSyntaxError, parseCsvRecords, parseMemberCsv } from './member-csv';

describe('parseCsvRecords', () => {
  it('handles quotes, doubled quotes, commas and line breaks inside quotes, CRLF and a BOM', () => {
    const text = '\ufeffa,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n\n';
    expect(parseCsvRecords(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['multi\nline', 'z'] },
    ]);
  });

  it('keeps the last record without a final newline and numbers lines after blank ones', () => {
    expect(parseCsvRecords('a\n\nb')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 3, fields: ['b'] },
    ]);
  });
});

describe('parseCsvRecords, more', () => {
  it('counts lines across CRLF, lone CR and line breaks inside quotes, and skips lines of spaces', () => {
    expect(parseCsvRecords('h\r\n"two\r\nlines",z\r\n   \rq\n"a\nb"')).toEqual([
      { line: 1, fields: ['h'] },
      { line: 2, fields: ['two\nlines', 'z'] },
      { line: 5, fields: ['q'] },
      { line: 6, fields: ['a\nb'] },
    ]);
  });

  it('keeps a quote inside an unquoted field as text and drops spaces around quoted fields', () => {
    expect(parseCsvRecords('say "hi" now, "quoted"  ,x')).toEqual([
      { line: 1, fields: ['say "hi" now', 'quoted', 'x'] },
    ]);
  });

  it('refuses quoting it cannot read, naming the line the record starts on', () => {
    const unclosed = (): unknown => parseCsvRecords('h\nok\n"never closed\nmore\nlines');
    expect(unclosed).toThrow(CsvSyntaxError);
    expect(unclosed).toThrow('The CSV could not be read at line 3: a quoted field is never closed');
    expect(() => parseCsvRecords('h\n\n"closed" then text,x')).toThrow(
      'The CSV could not be read at line 3: a closing quote is followed by more than spaces before the comma',
    );
  });
});

describe('parseMemberCsv', () => {
  it('keeps good lines, reports bad ones with their line numbers, and normalises fields', () => {
    const text = [
      'Name,Email,Country,Role,Language',
      'Aziz Karimov, AZIZ@Example.org ,Uzbekistan,National Focal Point,RU',
      'No Email,,Kyrgyzstan,observer,en',
      'Bad Language,bl@example.org,Mongolia,national team,de',
      'Too,few,fields',
      '"Nadia, Jr.",nadia@example.org,Tajikistan,secretariat,fr',
    ].join('\n');
    expect(parseMemberCsv(text)).toEqual({
      members: [
        {
          line: 2,
          name: 'Aziz Karimov',
          email: 'aziz@example.org',
          country: 'Uzbekistan',
          role: 'National Focal Point',
          language: 'ru',
        },
        {
          line: 6,
          name: 'Nadia, Jr.',
          email: 'nadia@example.org',
          country: 'Tajikistan',
          role: 'secretariat',
          language: 'fr',
        },
      ],
      errors: [
        { line: 3, message: 'email "" is not an e-mail address' },
        { line: 4, message: 'language "de" must be one of: en, fr, ru, ar' },
        { line: 5, message: 'expected 5 fields, found 3' },
      ],
    });
  });

  it('accepts the columns in any order and keeps the last line for a repeated e-mail', () => {
    const text =
      'email,language,name,role,country\na@example.org,en,First,observer,Kenya\nA@example.org,ar,Second,observer,Kenya\n';
    const parsed = parseMemberCsv(text);
    expect(parsed).toEqual({
      members: [
        { line: 3, name: 'Second', email: 'a@example.org', country: 'Kenya', role: 'observer', language: 'ar' },
      ],
      errors: [],
    });
  });

  it('rejects a header that lacks columns, and an empty file', () => {
    expect(parseMemberCsv('name,email\nx,y')).toEqual({
      fileError:
        'The CSV header lacks the column(s): country, role, language (expected name,email,country,role,language)',
    });
    expect(parseMemberCsv('name,email,country,role,language\n"Open quote,a@x.org,Kenya,observer,en\n')).toEqual({
      fileError: 'The CSV could not be read at line 2: a quoted field is never closed',
    });
    expect(parseMemberCsv('')).toEqual({
      fileError: 'The CSV is empty; the first line must be: name,email,country,role,language',
    });
  });
});

describe('checkMemberList', () => {
  it('returns normalised members', () => {
    expect(
      checkMemberList([{ name: ' A ', email: 'A@x.org', country: 'Kenya', role: 'observer', language: 'EN' }]),
    ).toEqual({ members: [{ name: 'A', email: 'a@x.org', country: 'Kenya', role: 'observer', language: 'en' }] });
  });

  it('names the item and field of every problem', () => {
    expect(
      checkMemberList([
        { name: 'A', email: 'nope', country: 'Kenya', role: 'observer', language: 'en', extra: 1 },
        { name: 'B', email: 'b@x.org', country: 'Kenya', role: 3, language: 'en' },
        'x',
      ]),
    ).toEqual({
      problems: [
        '[0] has unknown field(s): extra',
        '[0].email "nope" is not an e-mail address',
        '[1].role must be a string',
        '[2] must be an object',
      ],
    });
    expect(checkMemberList({})).toEqual({
      problems: ['The body must be an array of members {name,email,country,role,language}'],
    });
    expect(checkMemberList([])).toEqual({ problems: ['The body must hold at least one member'] });
  });
});

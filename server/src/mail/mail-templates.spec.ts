import { LINK_PLACEHOLDER, renderMessage, retryDelayMs, withLink } from './mail-templates';

const context = {
  memberName: 'Aziz Karimov',
  campaignName: 'Charter review 2026',
  networkName: 'Central Asia',
  closesAt: new Date('2099-03-01T00:00:00Z'),
};

describe('renderMessage', () => {
  it('writes an English invitation with the link placeholder and the deadline', () => {
    expect(renderMessage('invitation', 'en', context)).toEqual({
      subject: 'Questionnaire: Charter review 2026',
      body: [
        'Dear Aziz Karimov,',
        '',
        'The Central Asia Regional Secretariat invites you to answer the questionnaire "Charter review 2026".',
        '',
        'Your personal link:',
        LINK_PLACEHOLDER,
        '',
        'You can save your answers and come back later with the same link. Please answer by March 1, 2099.',
        'This link is personal: please do not forward it.',
        '',
        'Thank you,',
        'The Regional Secretariat',
        '',
      ].join('\n'),
    });
  });

  it.each([
    ['fr', 'Rappel : Charter review 2026', '1 mars 2099'],
    ['ru', 'Напоминание: Charter review 2026', '2099'],
    ['ar', 'تذكير: Charter review 2026', 'تذكير'],
  ] as const)('writes reminders in %s', (language, subject, fragment) => {
    const message = renderMessage('reminder', language, context);
    expect(message.subject).toBe(subject);
    expect(`${message.subject}\n${message.body}`).toContain(fragment);
    expect(message.body.split(LINK_PLACEHOLDER)).toHaveLength(2);
  });

  it('leaves the deadline out when the campaign has none, and keeps staff text from adding placeholders', () => {
    const message = renderMessage('invitation', 'en', { ...context, closesAt: null, campaignName: 'Test {{link}}' });
    expect(message.body).not.toContain('Please answer by');
    expect(message.body.split(LINK_PLACEHOLDER)).toHaveLength(2);
    expect(withLink(message.body, 'https://c.example.org/r/abc')).toContain('\nhttps://c.example.org/r/abc\n');
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base and stops at six hours', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(40, 60_000)).toBe(6 * 60 * 60 * 1000);
  });
});

import {
  campaignWording,
  LINK_PLACEHOLDER,
  placeholderProblems,
  renderMessage,
  retryDelayMs,
  withLink,
} from './mail-templates';
import { DEFAULT_MAIL_WORDING } from './mail-wording';

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
        'As a member of Central Asia, you are invited to answer the questionnaire "Charter review 2026".',
        '',
        'Your personal link:',
        LINK_PLACEHOLDER,
        '',
        'You can save your answers and come back later with the same link. Please answer by March 1, 2099.',
        'This link is personal: please do not forward it.',
        '',
        'Thank you.',
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

describe('DEFAULT_MAIL_WORDING', () => {
  const texts = Object.values(DEFAULT_MAIL_WORDING).flatMap((wording) => [
    wording.invitation.subject,
    wording.invitation.body,
    wording.reminder.subject,
    wording.reminder.body,
    wording.deadline,
  ]);

  it('names no consultation or its organisers', () => {
    for (const text of texts) expect(text).not.toMatch(/secretariat|secrétariat|секретариат|الأمانة/i);
  });

  it('uses only the placeholders renderMessage fills, and every body has the link once', () => {
    const placeholders = new Set(
      texts.flatMap((text) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1])),
    );
    expect([...placeholders].sort()).toEqual(['campaign', 'date', 'deadline', 'link', 'name', 'network']);
    for (const wording of Object.values(DEFAULT_MAIL_WORDING)) {
      expect(wording.invitation.body.split(LINK_PLACEHOLDER)).toHaveLength(2);
      expect(wording.reminder.body.split(LINK_PLACEHOLDER)).toHaveLength(2);
    }
  });

  it("takes a caller's own wording", () => {
    const own = {
      ...DEFAULT_MAIL_WORDING,
      en: {
        ...DEFAULT_MAIL_WORDING.en,
        invitation: { subject: '{{network}}: {{campaign}}', body: 'Hi {{name}} {{link}}' },
      },
    };
    expect(renderMessage('invitation', 'en', context, own)).toEqual({
      subject: 'Central Asia: Charter review 2026',
      body: `Hi Aziz Karimov ${LINK_PLACEHOLDER}`,
    });
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base and stops at six hours', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(40, 60_000)).toBe(6 * 60 * 60 * 1000);
  });
});

describe('placeholderProblems', () => {
  it('accepts the known placeholders, the link in the body only', () => {
    expect(placeholderProblems('subject', '{{campaign}} for {{name}} of {{network}} {{deadline}}')).toEqual([]);
    expect(placeholderProblems('body', 'Dear {{name}}, {{link}} {{deadline}}')).toEqual([]);
  });

  it('names each unknown placeholder once, and the missing or misplaced link', () => {
    expect(placeholderProblems('body', 'Dear {{first_name}} {{first_name}} {{ name }}')).toEqual([
      'body has an unknown placeholder {{first_name}}; known: {{name}}, {{campaign}}, {{network}}, {{deadline}}, {{link}}',
      'body has an unknown placeholder {{ name }}; known: {{name}}, {{campaign}}, {{network}}, {{deadline}}, {{link}}',
      "body must contain {{link}}, where the member's personal link goes",
    ]);
    expect(placeholderProblems('subject', 'Answer at {{link}} by {{date}}')).toEqual([
      'subject must not contain {{link}}: the personal link goes in the body',
      'subject has an unknown placeholder {{date}}; known: {{name}}, {{campaign}}, {{network}}, {{deadline}}',
    ]);
  });
});

describe('campaignWording', () => {
  it("puts a campaign's own wording over the default for that kind and language only", () => {
    const wording = campaignWording([
      { kind: 'reminder', language: 'fr', subject: 'Relance {{campaign}}', body: '{{name}} : {{link}}' },
    ]);
    expect(renderMessage('reminder', 'fr', context, wording)).toEqual({
      subject: 'Relance Charter review 2026',
      body: `Aziz Karimov : ${LINK_PLACEHOLDER}`,
    });
    expect(renderMessage('invitation', 'fr', context, wording)).toEqual(renderMessage('invitation', 'fr', context));
    expect(renderMessage('reminder', 'en', context, wording)).toEqual(renderMessage('reminder', 'en', context));
    // The defaults themselves are left as they were.
    expect(DEFAULT_MAIL_WORDING.fr.reminder.subject).toBe('Rappel : {{campaign}}');
  });
});

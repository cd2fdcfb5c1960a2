import { useId, useState, type SubmitEvent } from 'react';

import {
  MAIL_BODY_MAX_LENGTH,
  MAIL_SUBJECT_MAX_LENGTH,
  MAIL_WORDING_KINDS,
  MEMBER_LANGUAGES,
  type MailWordingDto,
  type MailWordingKind,
  type MemberLanguage,
} from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { describedBy, FieldErrorText } from '@/components/field-error-text';
import { InputField } from '@/components/input-field';
import { Loading } from '@/components/loading';
import { hasRole, useCurrentUser } from '@/lib/current-user';
import { formatDateTime } from '@/utils/format';

import { useMailWording, useMailWordingActions } from '../api/mail-wording';

/** The fields whose problems are shown beside them, so the alert does not list them again. */
const WORDING_FIELDS = ['subject', 'body'];

const KIND_LABELS: Record<MailWordingKind, string> = { invitation: 'Invitation', reminder: 'Reminder' };
const LANGUAGE_LABELS: Record<MemberLanguage, string> = {
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  ar: 'العربية',
};

/** One kind and language: its subject and body, saved as the campaign's own or reset to the default. */
function WordingEditor({ campaignId, template }: { campaignId: string; template: MailWordingDto }) {
  const id = useId();
  const { save, reset } = useMailWordingActions(campaignId);
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const { kind, language } = template;
  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ kind, language, subject, body });
  }
  return (
    <form className="stack" onSubmit={handleSubmit} lang={language}>
      <p className="muted" id={`${id}-state`}>
        {template.custom && template.updatedAt !== null
          ? `This campaign's own wording, saved ${formatDateTime(template.updatedAt)}.`
          : 'The default wording.'}
      </p>
      <InputField
        id={`${id}-subject`}
        label="Subject"
        dir="auto"
        required
        maxLength={MAIL_SUBJECT_MAX_LENGTH}
        error={save.error}
        field="subject"
        value={subject}
        onValue={setSubject}
      />
      <div className="field">
        <label htmlFor={`${id}-body`}>Body</label>
        <textarea
          id={`${id}-body`}
          dir="auto"
          required
          rows={14}
          maxLength={MAIL_BODY_MAX_LENGTH}
          aria-describedby={describedBy(save.error, 'body', `${id}-body-error`)}
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
        <FieldErrorText error={save.error} field="body" id={`${id}-body-error`} />
      </div>
      <div className="inline-form">
        <button type="submit" className="button" disabled={save.isPending}>
          Save wording
        </button>
        {template.custom ? (
          <button
            type="button"
            className="button"
            disabled={reset.isPending}
            onClick={() => reset.mutate({ kind, language })}
          >
            Use the default
          </button>
        ) : null}
      </div>
      <ErrorAlert error={save.error} title="Could not save the wording" fieldsShownBeside={WORDING_FIELDS} />
      <ErrorAlert error={reset.error} title="Could not reset the wording" />
    </form>
  );
}

/** The campaign's invitation and reminder wording per language, for the Secretariat to change. */
export function MailWordingPanel({ campaignId }: { campaignId: string }) {
  const id = useId();
  const canEdit = hasRole(useCurrentUser(), ['admin', 'secretariat']);
  const wording = useMailWording(campaignId, canEdit);
  const [kind, setKind] = useState<MailWordingKind>('invitation');
  const [language, setLanguage] = useState<MemberLanguage>('en');
  if (!canEdit) return null;
  const template = wording.data?.templates.find(
    (candidate) => candidate.kind === kind && candidate.language === language,
  );
  return (
    <section className="panel stack">
      <h2>E-mail wording</h2>
      <p className="muted">
        Placeholders: {(wording.data?.placeholders ?? []).map((name) => `{{${name}}}`).join(', ')}. The body must
        contain {'{{link}}'}, where each member&apos;s personal link goes. Messages already queued keep their wording.
      </p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Message</label>
          <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as MailWordingKind)}>
            {MAIL_WORDING_KINDS.map((option) => (
              <option key={option} value={option}>
                {KIND_LABELS[option]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-language`}>Language</label>
          <select
            id={`${id}-language`}
            value={language}
            onChange={(event) => setLanguage(event.target.value as MemberLanguage)}
          >
            {MEMBER_LANGUAGES.map((option) => (
              <option key={option} value={option}>
                {LANGUAGE_LABELS[option]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorAlert error={wording.error} title="Could not load the e-mail wording" />
      {template === undefined ? (
        wording.isPending ? (
          <Loading />
        ) : null
      ) : (
        // A new key gives the editor the template's text again after a switch, a save or a reset.
        <WordingEditor
          key={`${kind}:${language}:${template.updatedAt ?? 'default'}`}
          campaignId={campaignId}
          template={template}
        />
      )}
    </section>
  );
}

import { translator, type Lang } from '../i18n/i18n.ts';
import type { OutgoingMessage } from '../mail/mailer.ts';
import type { SubscriberLinks } from './domain.ts';
import { CONFIRM_HOURS } from './constants.ts';

/** The subscription's own messages, in the subscriber's chosen language, as plain text. */
export function confirmationMail(to: string, lang: Lang, url: string): OutgoingMessage {
  const t = translator(lang);
  return {
    to,
    subject: t('subscribers.mail.confirm_subject'),
    text: [t('subscribers.mail.confirm_intro'), '', url, '', t('subscribers.mail.confirm_expiry', { hours: CONFIRM_HOURS }), t('subscribers.mail.confirm_ignore')].join('\n'),
  };
}

export function alreadySubscribedMail(to: string, lang: Lang, links: SubscriberLinks): OutgoingMessage {
  const t = translator(lang);
  return {
    to,
    subject: t('subscribers.mail.already_subject'),
    text: [t('subscribers.mail.already_intro'), '', t('subscribers.mail.preferences', { url: links.preferences }), t('subscribers.mail.unsubscribe', { url: links.unsubscribe })].join('\n'),
  };
}

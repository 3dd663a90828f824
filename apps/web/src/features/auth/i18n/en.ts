import type { Widen } from '../../../lib/i18n/widen';
import type { ru } from './ru';

/** The auth feature's words in English: the same keys as Russian. */
export const en: Widen<typeof ru> = {
  login: {
    title: 'Log in to your cabinet',
    customerTab: 'Customer',
    staffTab: 'Staff',
    phone: 'Phone number',
    phonePlaceholder: '+7 912 345-67-89',
    phoneHint: 'The number you gave your manager when signing the contract',
    getCode: 'Get a code',
    code: 'Code from the SMS',
    codeSentTo: 'We sent a code to {{phone}}',
    changePhone: 'Change number',
    resendIn: 'Send the code again in {{time}}',
    resend: 'Send the code again',
    codeAlreadySent: 'A code has already been sent to {{phone}}.',
    alreadySentHint:
      'The code was sent less than a minute ago: enter it from the SMS. You can ask for a new one when the countdown ends.',
    sendLimit: 'Too many codes for this number. You can request a new one in {{time}}',
    noCode:
      'If no SMS arrives, check the number or contact your manager: you can log in only with the number on your contract.',
    login: 'Login',
    password: 'Password',
    submit: 'Log in',
    devOutbox: 'Dev: SMS outbox',
  },
};

import type { Widen } from '../../../lib/i18n/widen';
import type { ru } from './ru';

/** The help feature's words in English: the same keys as Russian. */
export const en: Widen<typeof ru> = {
  help: {
    title: 'Help',
    intro: 'Answers to common questions about the customer cabinet.',
    questions: {
      login: {
        q: 'How do I log in?',
        a: 'Enter your phone number and press “Get a code”. An SMS brings a {{length}}-digit code: it works for {{minutes}} minutes and only once. After {{attempts}} wrong tries the code stops working — ask for a new one. A number can get at most {{sends}} codes in {{window}} minutes. Customers need no password.',
      },
      unknownPhone: {
        q: 'Why does no code come, or why can I not log in with my number?',
        a: 'You can log in only with the number written in your contract in 1C: nobody registers themselves. The site answers every number the same way and never says whether it knows it, so a stranger cannot find out whether you are a customer. If no code comes, check the number and wait a couple of minutes, then call or write to your manager: they will check which number the contract has and correct it in 1C if needed.',
      },
      changed: {
        q: 'What does “Changed” mean?',
        a: 'It marks a contract in which something changed since you last opened that very contract: the contract itself or its status, goods and services, the payment schedule, payments, documents or notifications about it. A contract you have never opened is marked when it changed after your first login: on your first visit nothing is marked. The mark goes away when you open the contract.',
      },
      schedule: {
        q: 'How are the payment schedule statuses worked out?',
        a: 'All your payments on a contract are allocated to the schedule rows in date order: the earliest row is covered first, then the next. So an early or large payment also covers later rows.\n\n• “Paid” — the row is covered in full (you see when, and how many days late if it was).\n• “Overdue” — the date has passed and the row is not paid in full; the days overdue are shown next to it.\n• “Due” — the next row to pay.\n• “Partly paid” — part of it is covered and its date is still ahead.\n• “Upcoming” — the rows after.\n\n“Due now” is what is overdue plus what is due today. Days follow the company’s calendar.',
      },
      documents: {
        q: 'Where are my documents and how do I download them?',
        a: 'Open the contract and go to the “Documents” tab: it has the documents the company uploaded from 1C. A PDF opens in the browser with “Open”, images in a preview; “Download” saves any document. The list of goods and services downloads as a PDF on the “Goods and services” tab.',
      },
      contactChange: {
        q: 'How do I change my phone or e-mail?',
        a: 'In “Profile and settings” press “Change phone or e-mail” and send the request. Your manager gets it and enters the new data in 1C; the cabinet shows it after the next exchange with 1C. The request’s status and the manager’s answer are in “My requests”, and you get a notification about the decision. You log in with the number 1C has: after a phone change, with the new one.',
      },
      notifications: {
        q: 'How do I set up e-mail and SMS notifications?',
        a: 'In “Profile and settings”, the “Notifications” block: for each event (a new contract, a status change, a payment received, a changed payment schedule, an answer to a request, a reminder a few days before a payment is due, an overdue payment, new messages in a chat, a request for approval and a revoked decision) turn e-mail and SMS on or off. About new messages we write only if they are still unread some minutes later, and at most once an hour per chat. Until you change anything, everything comes by e-mail and only money by SMS: payments received, payment reminders and overdue payments. E-mails and SMS go to the e-mail and phone 1C has. In the cabinet itself notifications are always shown.',
      },
      dataAsOf: {
        q: 'What does “Data from 1C as of …” mean?',
        a: 'The company keeps contracts, payments and documents in 1C and sends them to the cabinet in data exchanges. The time on a contract page is when the last successful exchange ended: anything entered in 1C later (a recent payment, say) appears after the next exchange.',
      },
      logoutEverywhere: {
        q: 'How do I log out everywhere?',
        a: 'In “Profile and settings”, the “Sign-in” block, press “Log out everywhere”. All your sessions end — on your phone, tablet, other computers and this one too. Useful if you logged in on someone else’s device or lost your phone. You log in again with an SMS code.',
      },
    },
    notFound: 'Didn’t find the answer?',
    notFoundText:
      'Call or write to your manager — they answer questions about contracts, payments and dates.',
    notFoundTextStaff: 'The company’s contacts are on the Contacts page.',
    toContacts: 'All contacts',
  },
};

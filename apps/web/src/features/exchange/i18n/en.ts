import type { Widen } from '../../../lib/i18n/widen';
import type { ru } from './ru';

/** The exchange feature's words in English: the same keys as Russian. */
export const en: Widen<typeof ru> = {
  exchange: {
    title: '1C exchange',
    source: 'Source',
    sourceKind: { sftp: 'SFTP server', local: 'Local folder', off: 'Exchange is off' },
    schedule: 'Schedule',
    scheduleCron: 'cron “{{cron}}”',
    scheduleOff: 'not scheduled (manual runs only)',
    scheduleUtc: '(UTC)',
    lastChecked: 'Inbox checked: {{time}}',
    lastImport: 'Last successful import',
    never: 'never',
    pending: 'Changes waiting for export to 1C',
    runNow: 'Run the exchange now',
    running: 'Exchange running…',
    progress: 'Import progress',
    offHint:
      'No file source is configured (EXCHANGE_SOURCE=off): import files with pnpm kabinet import.',
    uploadLabel: 'Upload a 1C file by hand',
    uploadHint:
      'A CommerceML XML file, up to {{size}}. It goes to the inbox and is imported at once.',
    choose: 'Choose an .xml file',
    upload: 'Upload',
    uploaded: 'File “{{name}}” accepted; the import has started',
    runs: 'Imports',
    exports: 'Exports to 1C',
    noRuns: 'No exchange has run yet',
    noFiles: 'No new files',
    noExports: 'Nothing has been exported yet',
    files: 'Files: {{imported}} imported, {{failed}} failed, {{duplicate}} repeated',
    exported: '{{count}} changes exported',
    counts:
      '{{created}} created · {{updated}} updated · {{unchanged}} unchanged · {{archived}} archived',
    skipped: '{{count}} elements skipped',
    line: 'line {{line}}',
    column: 'column {{column}}',
    element: 'element {{element}}',
    original: 'Download the original',
    report: 'Error report',
    runStatus: {
      running: 'Running',
      succeeded: 'Succeeded',
      failed: 'Failed',
      interrupted: 'Interrupted',
    },
    fileStatus: {
      importing: 'Importing',
      imported: 'Imported',
      failed: 'Failed',
      duplicate: 'Imported before',
      interrupted: 'Interrupted',
    },
    trigger: {
      schedule: 'scheduled',
      manual: 'started by hand',
      upload: 'after an upload',
      cli: 'from the command line',
      demo: 'demo data',
    },
    exportStatus: { pending: 'Waiting to be written', written: 'Written' },
    exportFile: 'File',
    changeCount: 'Changes',
    status: 'Status',
    createdAt: 'Created',
    writtenAt: 'Written',
    changes: '{{count}} changes',
    withWarnings: 'imported with {{count}} warnings',
    fileWarnings: 'Imported with {{count}} warnings',
    warningsHint:
      'The records were imported; these values are empty or wrong in 1C — fix them there.',
    moreWarnings: '…and {{count}} more — see the report',
    warningLine: 'line {{line}}',
    notImported: 'Not imported',
    notesReport: 'Import report',
    warning: {
      name_fallback: '{{record}}: empty name — imported as «{{name}}»',
      number_fallback: '{{record}}: empty number — its id «{{number}}» is used',
      address_empty: '{{record}}: empty address ({{element}}) — left out',
      requisite_format: '{{record}}: {{element}} «{{value}}» looks wrong — kept as written',
      value_truncated: '{{record}}: a value longer than {{max}} characters — cut',
      tax_rate_unknown: '{{record}}: tax rate «{{rate}}» is not a number — not shown',
      deceased_skipped: '{{record}}: a deceased person without a name — left out',
      phone_invalid:
        '{{record}}: no valid phone number among the contacts ({{phones}}) — kept as written, no login with it',
    },
    skippedSection: {
      Каталог: 'Goods catalogue{{items}} skipped: importing the catalogue is not supported yet',
      Классификатор:
        'Catalogue classifier{{items}} skipped: importing the catalogue is not supported yet',
      ПакетПредложений:
        'Offers package{{items}} skipped: importing prices and offers is not supported yet',
      ИзмененияПакетаПредложений:
        'Offer changes{{items}} skipped: importing prices and offers is not supported yet',
      Документ: 'Documents «{{detail}}» ({{count}}) skipped: only orders and payments are imported',
      other: 'Element {{element}} ({{count}}) skipped: Kabinet does not import it',
    },
    units: {
      Товар: { one: 'product', few: 'products', many: 'products' },
      Предложение: { one: 'offer', few: 'offers', many: 'offers' },
      Группа: { one: 'group', few: 'groups', many: 'groups' },
      Свойство: { one: 'property', few: 'properties', many: 'properties' },
    },
  },
};

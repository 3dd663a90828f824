import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateContent } from './generate';
import { SAMPLES_DIR } from './samples';
import { parseBytes } from './testing';
import { writeExportFile, writeImportFile, type ExportChange } from './writer';

const XSD = join(SAMPLES_DIR, '..', 'kabinet-extension.xsd');
const dir = mkdtempSync(join(tmpdir(), 'kabinet-xsd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHANGES: ExportChange[] = [
  {
    kind: 'profile_change_request',
    id: '7d7c1c9e-0000-4000-8000-000000000001',
    createdAt: '2026-11-23T10:00:00',
    customerExternalId: 'c-1',
    field: 'phone',
    oldValue: '+79123456789',
    newValue: '+79031112233',
    comment: 'Новый номер <основной> & единственный',
  },
  {
    kind: 'online_payment',
    id: '7d7c1c9e-0000-4000-8000-000000000002',
    createdAt: '2026-11-23T10:01:00',
    customerExternalId: 'c-1',
    contractExternalId: 'k-1',
    amount: '15000.00',
    currency: 'RUB',
    providerPaymentId: 'yk-2f1c',
    paidAt: '2026-11-23T10:00:59',
  },
  {
    kind: 'signed_document',
    id: '7d7c1c9e-0000-4000-8000-000000000003',
    createdAt: '2026-11-23T10:02:00',
    customerExternalId: 'c-1',
    contractExternalId: 'k-1',
    documentExternalId: 'act-1',
    documentTitle: 'Акт выполненных работ №1',
    signedAt: '2026-11-23T10:01:30',
    signerPhone: '+79123456789',
    documentSha256: 'a'.repeat(64),
  },
  {
    kind: 'offer_request',
    id: '7d7c1c9e-0000-4000-8000-000000000004',
    createdAt: '2026-11-23T10:03:00',
    customerExternalId: 'c-1',
    offerExternalId: null,
    title: 'Скидка на цветник',
    comment: null,
  },
  {
    kind: 'chat_approval',
    id: '7d7c1c9e-0000-4000-8000-000000000005',
    createdAt: '2026-11-23T10:04:00',
    customerExternalId: 'c-1',
    contractExternalId: 'k-1',
    contractNumber: 'ГМ-000101',
    chatNumber: 'Ч-000012',
    messageId: '1042',
    approvalId: '7d7c1c9e-0000-4000-8000-0000000000a1',
    messageText: 'Макет надписи, шрифт «Times» <v2>',
    attachmentName: 'макет-v2.png',
    version: 2,
    deadline: '2026-11-30',
    state: 'approved',
    by: { kind: 'customer', externalId: 'c-1', name: 'Иванова Мария Петровна' },
    at: '2026-11-23T10:03:59',
    reason: null,
  },
];

/** Every Кабинет element of a file, validated on its own against kabinet-extension.xsd. */
function validateExtension(xml: string): number {
  let n = 0;
  for (const name of [
    'Сотрудники',
    'Объект',
    'ГрафикПлатежей',
    'Этапы',
    'Документы',
    'Изменения',
  ]) {
    const re = new RegExp(`<Кабинет:${name}>[\\s\\S]*?</Кабинет:${name}>`, 'g');
    for (const piece of xml.match(re) ?? []) {
      const file = join(dir, `piece-${n++}.xml`);
      writeFileSync(
        file,
        `<?xml version="1.0" encoding="UTF-8"?>\n${piece.replace(
          `<Кабинет:${name}>`,
          `<Кабинет:${name} xmlns:Кабинет="urn:kabinet:exchange:1" xmlns="urn:1C.ru:commerceml_210">`,
        )}\n`,
      );
      execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
    }
  }
  return n;
}

describe('contract documents', () => {
  it('travel as base64 the XSD accepts and read back byte for byte', async () => {
    const content = generateContent({ customers: 1, seed: 7, idPrefix: 'doc' });
    const bytes = Buffer.from('%PDF-1.4\nАкт выполненных работ\n%%EOF\n');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const documents = [
      {
        externalId: 'd-1',
        kind: 'Акт выполненных работ',
        title: 'Акт № 12',
        number: '12',
        date: '2026-10-01',
        fileName: 'Акт-12.pdf',
        sha256,
        bytes,
      },
    ];
    content.contracts = [{ ...content.contracts[0]!, documents }];
    const xml = writeImportFile(content, { generatedAt: '2026-11-23T10:00:00' });
    expect(validateExtension(xml.toString('utf8'))).toBeGreaterThanOrEqual(1);
    const { records } = await parseBytes(xml);
    const contract = records.find((r) => r.type === 'contract')!;
    expect(contract.type === 'contract' && contract.record.documents).toEqual(documents);
    // Without the element the contract carries no opinion on its documents.
    content.contracts = [{ ...content.contracts[0]!, documents: null }];
    const plain = await parseBytes(
      writeImportFile(content, { generatedAt: '2026-11-23T10:00:00' }),
    );
    const again = plain.records.find((r) => r.type === 'contract')!;
    expect(again.type === 'contract' && again.record.documents).toBeNull();
  });
});

describe('writer', () => {
  it('writes the Кабинет extension as kabinet-extension.xsd describes it', () => {
    const demo = readFileSync(join(SAMPLES_DIR, 'ok', 'demo-granit-master.xml'), 'utf8');
    expect(validateExtension(demo)).toBeGreaterThanOrEqual(8);
    expect(
      validateExtension(
        writeExportFile(CHANGES, { number: 3, generatedAt: '2026-11-23T10:05:00' }).toString(
          'utf8',
        ),
      ),
    ).toBe(1);
  });

  it('rejects what the XSD forbids (the check can fail)', () => {
    const bad = readFileSync(join(SAMPLES_DIR, 'ok', 'demo-granit-master.xml'), 'utf8').replace(
      '<Кабинет:Роль>Менеджер</Кабинет:Роль>',
      '<Кабинет:Роль>Директор</Кабинет:Роль>',
    );
    expect(() => validateExtension(bad)).toThrow();
  });

  it('writes export files deterministically; payments are CommerceML payment documents', async () => {
    const a = writeExportFile(CHANGES, { number: 3, generatedAt: '2026-11-23T10:05:00' });
    expect(writeExportFile(CHANGES, { number: 3, generatedAt: '2026-11-23T10:05:00' })).toEqual(a);
    const xml = a.toString('utf8');
    expect(xml).toContain('Кабинет:НомерВыгрузки="3"');
    expect(xml).toContain('Новый номер &lt;основной&gt; &amp; единственный');
    // The payment reads back through the importer's own parser as a payment for contract k-1.
    const { records } = await parseBytes(a);
    expect(records).toEqual([
      {
        type: 'payment',
        line: 3,
        record: {
          externalId: '7d7c1c9e-0000-4000-8000-000000000002',
          number: 'КБ-3-yk-2f1c',
          date: '2026-11-23',
          contractExternalId: 'k-1',
          amount: '15000.00',
          currency: 'RUB',
          method: 'Онлайн',
          deleted: false,
        },
      },
    ]);
  });

  it('writes approval decisions as Кабинет:СогласованиеВЧате the XSD checks field by field', () => {
    const approval = CHANGES.find((c) => c.kind === 'chat_approval')!;
    const revoked: ExportChange = {
      ...approval,
      id: '7d7c1c9e-0000-4000-8000-000000000006',
      contractExternalId: null,
      contractNumber: null,
      attachmentName: null,
      deadline: null,
      version: 1,
      state: 'revoked',
      by: { kind: 'staff', externalId: null, name: 'Соколова Анна Викторовна' },
      reason: 'Цех прислал новый макет',
    } as ExportChange;
    const xml = writeExportFile([approval, revoked], {
      number: 4,
      generatedAt: '2026-11-23T10:05:00',
    }).toString('utf8');
    expect(validateExtension(xml)).toBe(1);
    const pieces = xml.match(/<Кабинет:СогласованиеВЧате>[\s\S]*?<\/Кабинет:СогласованиеВЧате>/g)!;
    expect(pieces).toHaveLength(2);
    expect(pieces[0]).toContain('<Кабинет:Состояние>Согласовано</Кабинет:Состояние>');
    expect(pieces[0]).toContain('<Кабинет:НомерДоговора>ГМ-000101</Кабинет:НомерДоговора>');
    expect(pieces[0]).toContain('<Кабинет:Файл>макет-v2.png</Кабинет:Файл>');
    expect(pieces[0]).toContain('Макет надписи, шрифт «Times» &lt;v2&gt;');
    expect(pieces[0]).toMatch(
      /<Кабинет:Кто>\s*<Кабинет:Вид>Покупатель<\/Кабинет:Вид>\s*<Кабинет:Ид>c-1<\/Кабинет:Ид>/,
    );
    expect(pieces[1]).toContain('<Кабинет:Состояние>Отозвано</Кабинет:Состояние>');
    expect(pieces[1]).toContain('<Кабинет:Причина>Цех прислал новый макет</Кабинет:Причина>');
    expect(pieces[1]).not.toContain('Кабинет:Договор>');
    // The schema is strict about the element: an unknown state fails it.
    expect(() => validateExtension(xml.replace('>Отозвано<', '>Передумал<'))).toThrow();
  });

  it('refuses a contract whose customer is not in the content', () => {
    const c = generateContent({ customers: 1 });
    expect(() =>
      writeImportFile({ ...c, customers: [] }, { generatedAt: '2026-11-23T10:00:00' }),
    ).toThrow(/customer gen-c-0/);
  });
});

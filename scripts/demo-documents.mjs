#!/usr/bin/env node
// Writes the demo company's contract documents (Кабинет:Документы) into the demo 1C file:
// a signed-contract PDF and a monument sketch for ГМ-000101, an act of hidden works for РМ-000017.
// The files are drawn with pdfkit (the API's PDF library) in DejaVu Sans; the sketch is the first
// page of a PDF rendered to PNG by pdftoppm (Debian poppler-utils). Run it after changing what the
// demo documents should say:  node scripts/demo-documents.mjs
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

const require = createRequire(join(ROOT, 'apps/api/package.json'));
const PDFDocument = require('pdfkit');
const font = (name) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
const DEMO = join(ROOT, 'libs/exchange-1c/samples/ok/demo-granit-master.xml');

/** A small A4 PDF: a title, lines of text, an optional drawing; fixed dates so bytes repeat. */
function pdf(title, lines, draw) {
  return new Promise((resolve) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: title, Author: 'ООО «Гранит-Мастер»', CreationDate: new Date('2026-09-14') },
    });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.registerFont('regular', font('DejaVuSans.ttf'));
    doc.registerFont('bold', font('DejaVuSans-Bold.ttf'));
    doc.font('bold').fontSize(16).text(title, { align: 'center' }).moveDown();
    doc.font('regular').fontSize(11);
    for (const line of lines) {
      if (line === '') doc.moveDown(0.8);
      else doc.text(line, { lineGap: 4, paragraphGap: 4 });
    }
    draw?.(doc);
    doc.end();
  });
}

const contract = await pdf('Договор № ГМ-000101', [
  'г. Москва, 14 сентября 2026 г.',
  '',
  'ООО «Гранит-Мастер» (Исполнитель) и Иванова Мария Петровна (Заказчик) заключили договор:',
  '1. Исполнитель изготавливает и устанавливает памятник из гранита габбро-диабаз 100×50×8 см на Хованском кладбище (уч. 214, ряд 6, место 12) по эскизу, согласованному с Заказчиком.',
  '2. Цена договора — 148 500 ₽. Аванс 50 % — при подписании, остаток — по графику платежей.',
  '3. Срок установки — до 20 мая 2027 г.',
  '',
  'Исполнитель: ____________ /Соколова А. В./',
  '',
  'Заказчик: ____________ /Иванова М. П./',
]);
const sketchPdf = await pdf('Эскиз памятника', ['Гранит габбро-диабаз, 100×50×8 см'], (doc) => {
  doc.lineWidth(2).roundedRect(200, 180, 195, 330, 40).stroke();
  doc.rect(170, 510, 255, 40).stroke();
  doc.font('bold').fontSize(14).text('Иванов', 200, 260, { width: 195, align: 'center' });
  doc.text('Пётр Сергеевич', 200, 282, { width: 195, align: 'center' });
  doc.font('regular').fontSize(12).text('1948 — 2026', 200, 312, { width: 195, align: 'center' });
  doc.text('Помним. Любим. Скорбим.', 200, 420, { width: 195, align: 'center' });
});
const act = await pdf('Акт освидетельствования скрытых работ № 3', [
  'Объект: Москва, ул. Профсоюзная, д. 12, кв. 48',
  'Договор № РМ-000017 от 1 октября 2026 г.',
  '',
  'Предъявлены работы: электромонтаж (скрытая проводка в штробах), гидроизоляция пола санузла.',
  'Работы выполнены в соответствии с проектом и СП 76.13330.2016. Разрешается закрытие штроб и устройство стяжки.',
  '',
  'Прораб: ____________ /Белов С. А./',
  '',
  'Заказчик: ____________ /Смирнов А. В./',
]);

const dir = mkdtempSync(join(tmpdir(), 'kabinet-demo-docs-'));
writeFileSync(join(dir, 'sketch.pdf'), sketchPdf);
execFileSync('pdftoppm', [
  '-png',
  '-r',
  '40',
  '-singlefile',
  join(dir, 'sketch.pdf'),
  join(dir, 'sketch'),
]);
const sketch = readFileSync(join(dir, 'sketch.png'));
rmSync(dir, { recursive: true, force: true });

const element = (docs) =>
  [
    '<Кабинет:Документы>',
    ...docs.map(
      (d) =>
        `\t\t\t<Кабинет:Документ>\n\t\t\t\t<Кабинет:Ид>${d.id}</Кабинет:Ид>\n\t\t\t\t<Кабинет:Вид>${d.kind}</Кабинет:Вид>\n\t\t\t\t<Кабинет:Наименование>${d.title}</Кабинет:Наименование>\n\t\t\t\t<Кабинет:Дата>${d.date}</Кабинет:Дата>\n\t\t\t\t<Кабинет:ИмяФайла>${d.fileName}</Кабинет:ИмяФайла>\n\t\t\t\t<Кабинет:Данные>\n${d.bytes
          .toString('base64')
          .replace(/(.{100})/g, '$1\n')
          .trimEnd()}\n\t\t\t\t</Кабинет:Данные>\n\t\t\t</Кабинет:Документ>`,
    ),
    '\t\t</Кабинет:Документы>',
  ].join('\n');

const DOCS = {
  'ГМ-000101': [
    {
      id: 'gm101-contract',
      kind: 'Договор',
      title: 'Договор № ГМ-000101 (подписан)',
      date: '2026-09-14',
      fileName: 'Договор ГМ-000101.pdf',
      bytes: contract,
    },
    {
      id: 'gm101-sketch',
      kind: 'Эскиз',
      title: 'Эскиз памятника',
      date: '2026-09-20',
      fileName: 'Эскиз памятника.png',
      bytes: sketch,
    },
  ],
  'РМ-000017': [
    {
      id: 'rm17-act-3',
      kind: 'Акт скрытых работ',
      title: 'Акт освидетельствования скрытых работ № 3',
      date: '2026-11-10',
      fileName: 'Акт скрытых работ 3.pdf',
      bytes: act,
    },
  ],
};

let xml = readFileSync(DEMO, 'utf8');
for (const [number, docs] of Object.entries(DOCS)) {
  const start = xml.indexOf(`<Номер>${number}</Номер>`);
  if (start < 0) throw new Error(`No contract ${number} in the demo file`);
  const end = xml.indexOf('\n\t</Документ>', start);
  const body = xml
    .slice(start, end)
    .replace(/\n\t\t<Кабинет:Документы>[\s\S]*?<\/Кабинет:Документы>/, '');
  xml = `${xml.slice(0, start)}${body}\n\t\t${element(docs)}${xml.slice(end)}`;
}
writeFileSync(DEMO, xml);
for (const docs of Object.values(DOCS))
  for (const d of docs)
    console.log(
      `${d.fileName}: ${d.bytes.length} bytes, sha256 ${createHash('sha256').update(d.bytes).digest('hex').slice(0, 12)}…`,
    );

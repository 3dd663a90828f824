import type { ContractRecord, CustomerRecord, PaymentRecord, StaffRecord } from './records';
import type { ImportFileContent } from './writer';

/** A small deterministic PRNG (mulberry32), so generated files are the same for the same seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [
  'Иванов',
  'Петров',
  'Сидоров',
  'Кузнецов',
  'Смирнов',
  'Попов',
  'Соколов',
  'Лебедев',
];
const NAMES = ['Алексей', 'Мария', 'Пётр', 'Ольга', 'Игорь', 'Анна', 'Сергей', 'Елена'];
const GOODS = ['Памятник гранитный', 'Цветник', 'Плитка тротуарная', 'Ограда кованая', 'Ваза'];
const SERVICES = ['Гравировка портрета', 'Установка памятника', 'Демонтаж', 'Доставка'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const money = (kopecks: number) => `${Math.floor(kopecks / 100)}.${pad(kopecks % 100, 2)}`;
function day(start: number, offset: number): string {
  return new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
}

export interface GenerateOptions {
  /** How many customers; each gets `contractsPerCustomer` contracts. */
  customers: number;
  contractsPerCustomer?: number;
  /** Item lines per contract. */
  items?: number;
  seed?: number;
  /** Prefix of every 1C id, so two generated sets do not collide. */
  idPrefix?: string;
  /** Numbering of customers starts here (phones stay unique across sets generated in parts). */
  firstCustomer?: number;
}

/**
 * Realistic exchange content of any size (staff, customers with unique phones, memorial
 * contracts with items, schedules and payments), for the benchmark, the crash test and
 * property tests. Deterministic for the same options.
 */
export function generateContent(options: GenerateOptions): ImportFileContent {
  const rnd = prng(options.seed ?? 1);
  const prefix = options.idPrefix ?? 'gen';
  const perCustomer = options.contractsPerCustomer ?? 2;
  const itemCount = options.items ?? 4;
  const start = Date.UTC(2025, 0, 1);
  const staff: StaffRecord[] = [0, 1, 2].map((i) => ({
    externalId: `${prefix}-staff-${i}`,
    login: `${prefix}-manager-${i}`.toLowerCase(),
    fullName: `${SURNAMES[i]} ${NAMES[i]}`,
    role: 'manager',
    phone: null,
    email: `${prefix}-manager-${i}@example.ru`.toLowerCase(),
    deleted: false,
  }));
  const customers: CustomerRecord[] = [];
  const contracts: ContractRecord[] = [];
  const payments: PaymentRecord[] = [];
  const first = options.firstCustomer ?? 0;
  let prefixNumber = 0;
  for (const ch of prefix) prefixNumber = (prefixNumber * 31 + ch.charCodeAt(0)) % 1000;
  for (let c = first; c < first + options.customers; c++) {
    const customerId = `${prefix}-c-${c}`;
    // +7 9xx: unique per customer within one generated set.
    // Unique per (idPrefix, customer) for up to 900 000 customers a set.
    const phone = `+7 (9${pad(10 + (c % 90), 2)}) ${pad(prefixNumber, 3)}-${pad(Math.floor(c / 90) % 10_000, 4)}`;
    customers.push({
      externalId: customerId,
      fullName: `${SURNAMES[c % SURNAMES.length]} ${NAMES[(c * 7) % NAMES.length]} №${c}`,
      phoneRaw: phone,
      phones: [{ type: 'Телефон мобильный', value: phone }],
      email: null,
      legal: null,
      bonusBalance: money(Math.floor(rnd() * 500_000)),
      requisites: [{ name: 'Вид контрагента', value: 'Физическое лицо' }],
      deleted: false,
    });
    for (let k = 0; k < perCustomer; k++) {
      const n = c * perCustomer + k;
      const dateOffset = Math.floor(rnd() * 600);
      const items = Array.from({ length: itemCount }, (_, i) => {
        const goods = i % 2 === 0;
        const price = 1000_00 + Math.floor(rnd() * 100_000_00);
        const quantity = 1 + Math.floor(rnd() * 3);
        return {
          externalId: `${prefix}-n-${i}`,
          name: goods ? GOODS[i % GOODS.length]! : SERVICES[i % SERVICES.length]!,
          nameRaw: null,
          kind: goods ? ('goods' as const) : ('service' as const),
          quantity: `${quantity}.000`,
          unit: 'шт',
          price: money(price),
          amount: money(price * quantity),
          tax: null,
        };
      });
      const totalKopecks = items.reduce((sum, i) => sum + Math.round(Number(i.amount) * 100), 0);
      const half = Math.floor(totalKopecks / 2);
      const contractId = `${prefix}-k-${n}`;
      contracts.push({
        externalId: contractId,
        number: `${prefix.toUpperCase()}-${pad(n, 7)}`,
        date: day(start, dateOffset),
        customerExternalId: customerId,
        managerExternalId: staff[n % staff.length]!.externalId,
        assigneeExternalIds: [],
        kind: 'memorial',
        status: rnd() < 0.7 ? 'В работе' : 'Выполнен',
        closed: false,
        total: money(totalKopecks),
        currency: 'RUB',
        taxes: [],
        plannedEndDate: day(start, dateOffset + 120),
        documents: null,
        object: {
          deceased: [
            {
              fullName: `${SURNAMES[n % SURNAMES.length]} ${NAMES[n % NAMES.length]}`,
              birthDate: '1950-01-01',
              deathDate: day(start, dateOffset - 30),
            },
          ],
          monument: {
            material: 'Гранит',
            size: '100×50×8 см',
            cemetery: 'Хованское',
            plot: `уч. ${n % 300}`,
            inscription: 'Помним',
            extra: [],
          },
        },
        requisites: [{ name: 'Статус заказа', value: 'В работе' }],
        items,
        schedule: [
          { dueDate: day(start, dateOffset), amount: money(half), note: 'Аванс' },
          { dueDate: day(start, dateOffset + 90), amount: money(totalKopecks - half), note: null },
        ],
        stages: [],
        deleted: false,
      });
      payments.push({
        externalId: `${prefix}-p-${n}`,
        number: `ПКО-${pad(n, 7)}`,
        date: day(start, dateOffset),
        contractExternalId: contractId,
        amount: money(half),
        currency: 'RUB',
        method: 'Наличные',
        deleted: false,
      });
    }
  }
  return { staff, customers, contracts, payments };
}

// Generated cabinet data for `pnpm bench`, written with set-based SQL (generate_series,
// INSERT ... SELECT) into a database the API has migrated: managers, customers (Russian names,
// unique E.164 phones), memorial and renovation contracts (numbers like ГМ-012345) with items,
// 5-15 schedule rows each, payments for most rows already due, notifications and visits.
// `contracts.paid` is then set the way the importer keeps it (the sum of the payments that are
// not archived), checked, and everything is VACUUMed and ANALYZEd. Deterministic: pseudo-random values come
// from hashint4(), so the same sizes give the same data.

/** A pseudo-random non-negative integer from a seed expression (SQL). */
const rnd = (seed) => `(hashint4(${seed})::bigint & 2147483647)`;
const pick = (array, seed) => `(${array})[1 + ${rnd(seed)} % cardinality(${array})]`;
const list = (items) => `ARRAY[${items.map((s) => `'${s}'`).join(', ')}]`;

const SURNAMES = list([
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Никитин',
  'Захаров',
  'Зайцев',
  'Соловьёв',
  'Борисов',
  'Яковлев',
  'Григорьев',
  'Романов',
  'Воробьёв',
  'Сергеев',
  'Кузьмин',
  'Фролов',
  'Александров',
  'Дмитриев',
  'Королёв',
  'Гусев',
  'Киселёв',
]);
const MEN = list([
  'Александр',
  'Сергей',
  'Дмитрий',
  'Андрей',
  'Алексей',
  'Максим',
  'Евгений',
  'Иван',
  'Михаил',
  'Николай',
  'Владимир',
  'Павел',
  'Игорь',
  'Олег',
  'Юрий',
  'Виктор',
]);
const WOMEN = list([
  'Елена',
  'Ольга',
  'Наталья',
  'Татьяна',
  'Ирина',
  'Светлана',
  'Анна',
  'Мария',
  'Екатерина',
  'Юлия',
  'Людмила',
  'Галина',
  'Марина',
  'Надежда',
  'Валентина',
  'Нина',
]);
/** Fathers' names as patronymic stems: + 'ич' (men) or + 'на' (women). */
const PATRONYMICS = list([
  'Александров',
  'Сергеев',
  'Дмитриев',
  'Андреев',
  'Алексеев',
  'Михайлов',
  'Николаев',
  'Владимиров',
  'Павлов',
  'Игорев',
  'Олегов',
  'Юрьев',
  'Викторов',
  'Петров',
  'Иванов',
  'Васильев',
]);
const CEMETERIES = list([
  'Хованское кладбище',
  'Николо-Архангельское кладбище',
  'Троекуровское кладбище',
  'Митинское кладбище',
  'Кузьминское кладбище',
  'Востряковское кладбище',
  'Перепечинское кладбище',
]);
const MATERIALS = list([
  'Гранит габбро-диабаз',
  'Гранит Мансуровский',
  'Гранит Балтик Браун',
  'Мрамор белый',
]);
const STREETS = list([
  'Профсоюзная',
  'Ленинский проспект',
  'Тверская',
  'Новослободская',
  'Варшавское шоссе',
  'Мичуринский проспект',
  'Бутлерова',
  'Академика Янгеля',
]);
const MEMORIAL_GOODS = list([
  'Памятник вертикальный, гранит габбро-диабаз 100×50×8',
  'Цветник гранитный 100×50',
  'Надгробная плита 100×50×5',
  'Ограда кованая',
  'Ваза гранитная',
  'Плитка тротуарная, м²',
]);
const MEMORIAL_SERVICES = list([
  'Гравировка портрета',
  'Гравировка надписи',
  'Установка памятника',
  'Демонтаж старого памятника',
  'Доставка на кладбище',
]);
const RENOVATION_WORKS = list([
  'Демонтаж покрытий',
  'Штукатурка стен',
  'Стяжка пола',
  'Укладка плитки',
  'Покраска стен',
  'Монтаж гипсокартона',
]);
const RENOVATION_MATERIALS = list([
  'Штукатурная смесь',
  'Плитка керамическая',
  'Ламинат',
  'Грунтовка и шпаклёвка',
]);
const MEMORIAL_STATUSES = list([
  'Ожидает оплаты',
  'В работе',
  'Изготовление',
  'Установка',
  'Выполнен',
]);
const RENOVATION_STATUSES = list([
  'Замер',
  'Черновые работы',
  'Чистовые работы',
  'Сдача объекта',
  'Выполнен',
]);
const METHODS = list(['Наличные', 'Банковская карта', 'Безналичный расчёт', 'СБП']);

/**
 * Writes the data; answers the row counts and how long it took. `managers` staff accounts,
 * `customers` customers and `contracts` contracts; about 20 schedule and payment rows per
 * contract (50k contracts make ~1M).
 */
export async function generateBenchData(pool, { customers, contracts, managers = 40 }) {
  const started = performance.now();
  const client = await pool.connect();
  const q = (text, params) => client.query(text, params);
  try {
    await q('BEGIN');
    await q(`SET LOCAL synchronous_commit = off`);
    await q(
      `INSERT INTO staff_users (external_id, login, full_name, role, phone, email, active)
       SELECT 'bench-staff-' || g, 'bench-manager-' || g,
              ${pick(SURNAMES, 'g * 3 + 1')} || CASE WHEN g % 2 = 0 THEN 'а' ELSE '' END || ' ' ||
              CASE WHEN g % 2 = 0 THEN ${pick(WOMEN, 'g * 3 + 2')} || ' ' || ${pick(PATRONYMICS, 'g * 3 + 3')} || 'на'
                   ELSE ${pick(MEN, 'g * 3 + 2')} || ' ' || ${pick(PATRONYMICS, 'g * 3 + 3')} || 'ич' END,
              'manager', '+7495' || lpad((1000000 + g)::text, 7, '0'),
              'manager' || g || '@granit-master.example', true
         FROM generate_series(1, $1) g`,
      [managers],
    );
    // Phones: +79(20..89, 91 for 30, which libphonenumber rejects) then 7 digits; unique (7919 is
    // invertible modulo 10^7), valid, and apart from the demo customers' +7903, +7912, +7916.
    await q(
      `INSERT INTO customers (external_id, full_name, phone, phone_raw, email, bonus_balance,
                              requisites, created_at, updated_at)
       SELECT 'bench-c-' || n,
              ${pick(SURNAMES, 'n * 5 + 1')} || CASE WHEN n % 2 = 0 THEN 'а' ELSE '' END || ' ' ||
              CASE WHEN n % 2 = 0 THEN ${pick(WOMEN, 'n * 5 + 2')} || ' ' || ${pick(PATRONYMICS, 'n * 5 + 3')} || 'на'
                   ELSE ${pick(MEN, 'n * 5 + 2')} || ' ' || ${pick(PATRONYMICS, 'n * 5 + 3')} || 'ич' END,
              '+79' || p.code || p.line,
              '8 (9' || p.code || ') ' || substr(p.line, 1, 3) || '-' || substr(p.line, 4, 2) || '-' || substr(p.line, 6, 2),
              CASE WHEN ${rnd('n * 5 + 4')} % 10 < 6 THEN 'client' || n || '@mail.example' END,
              (${rnd('n * 5 + 5')} % 300000) / 100.0,
              '[{"name": "Вид контрагента", "value": "Физическое лицо"}]'::jsonb,
              now() - interval '3 years', now() - interval '3 years'
         FROM generate_series(1, $1) n,
              LATERAL (SELECT (CASE WHEN n % 70 = 10 THEN 91 ELSE 20 + n % 70 END)::text AS code,
                              lpad(((n / 70 + 1)::bigint * 7919 % 10000000)::text, 7, '0') AS line) p`,
      [customers],
    );
    await q(`CREATE TEMP TABLE bench_m ON COMMIT DROP AS
               SELECT row_number() OVER (ORDER BY external_id) AS n, id FROM staff_users
                WHERE external_id LIKE 'bench-staff-%'`);
    await q(`CREATE TEMP TABLE bench_c ON COMMIT DROP AS
               SELECT substr(external_id, 9)::int AS n, id FROM customers
                WHERE external_id LIKE 'bench-c-%'`);
    await q(`CREATE UNIQUE INDEX ON bench_c (n)`);
    // Contracts: about 5 per customer (some have none, some a dozen), 60% memorial, dated over
    // the last three years; the older, the likelier finished.
    await q(
      `INSERT INTO contracts (external_id, number, date, customer_id, manager_id, kind, status,
                              closed, total, currency, planned_end_date, object, requisites,
                              created_at, updated_at, changed_at)
       SELECT 'bench-k-' || k.k, k.prefix || lpad((10000 + k.k)::text, 6, '0'), k.date, c.id, m.id,
              k.kind, k.status, k.status = 'Выполнен', 0, 'RUB', k.date + (60 + k.r % 120)::int,
              CASE WHEN k.kind = 'memorial' THEN jsonb_build_object(
                'deceased', jsonb_build_array(jsonb_build_object(
                  'fullName', ${pick(SURNAMES, 'k.k * 7 + 1')} || ' ' || ${pick(MEN, 'k.k * 7 + 2')} || ' ' || ${pick(PATRONYMICS, 'k.k * 7 + 3')} || 'ич',
                  'birthDate', (date '1935-01-01' + (${rnd('k.k * 7 + 4')} % 15000)::int)::text,
                  'deathDate', (k.date - (${rnd('k.k * 7 + 5')} % 400)::int)::text)),
                'monument', jsonb_build_object(
                  'material', ${pick(MATERIALS, 'k.k * 7 + 6')}, 'size', '100×50×8 см',
                  'cemetery', ${pick(CEMETERIES, 'k.k * 7 + 7')},
                  'plot', 'уч. ' || (k.r % 300) || ', место ' || (k.r % 40 + 1),
                  'inscription', 'Помним. Любим. Скорбим.', 'extra', '[]'::jsonb))
              ELSE jsonb_build_object('renovation', jsonb_build_object(
                'address', 'Москва, ул. ' || ${pick(STREETS, 'k.k * 7 + 6')} || ', д. ' || (k.r % 90 + 1) || ', кв. ' || (k.r % 300 + 1),
                'area', ((30 + k.r % 90) || '.5'), 'rooms', 1 + k.r % 4,
                'extra', jsonb_build_array(jsonb_build_object('name', 'Этаж', 'value', (1 + k.r % 17)::text))))
              END,
              jsonb_build_array(jsonb_build_object('name', 'Статус заказа', 'value', k.status)),
              k.date, k.date, k.date
         FROM (SELECT g AS k, ${rnd('g * 7')} AS r,
                      CASE WHEN ${rnd('g * 7 + 1')} % 10 < 6 THEN 'memorial' ELSE 'renovation' END AS kind,
                      CASE WHEN ${rnd('g * 7 + 1')} % 10 < 6 THEN 'ГМ-' ELSE 'РМ-' END AS prefix,
                      current_date - (${rnd('g * 7 + 2')} % 1095)::int AS date,
                      1 + ${rnd('g * 7 + 3')} % $2 AS customer_n,
                      1 + ${rnd('g * 7 + 4')} % $3 AS manager_n
                 FROM generate_series(1, $1) g) k0
         CROSS JOIN LATERAL (SELECT k0.*,
              CASE WHEN current_date - k0.date > 365 AND k0.r % 10 < 9 THEN 'Выполнен'
                   WHEN k0.kind = 'memorial' THEN ${pick(MEMORIAL_STATUSES, 'k0.k * 7 + 5')}
                   ELSE ${pick(RENOVATION_STATUSES, 'k0.k * 7 + 5')} END AS status) k
         JOIN bench_c c ON c.n = k.customer_n
         JOIN bench_m m ON m.n = k.manager_n`,
      [contracts, customers, managers],
    );
    await q(`CREATE TEMP TABLE bench_k ON COMMIT DROP AS
               SELECT substr(external_id, 9)::int AS k, id, kind, date, closed FROM contracts
                WHERE external_id LIKE 'bench-k-%'`);
    // 2-6 lines of goods and services each; the contract's total is their sum.
    await q(
      `INSERT INTO contract_items (contract_id, line_no, external_id, name, kind, quantity, unit,
                                   price, amount)
       SELECT k.id, i, 'n-' || lpad((${rnd('k.k * 13 + i')} % 500)::text, 4, '0'),
              CASE WHEN k.kind = 'memorial' AND i % 2 = 1 THEN ${pick(MEMORIAL_GOODS, 'k.k * 13 + i')}
                   WHEN k.kind = 'memorial' THEN ${pick(MEMORIAL_SERVICES, 'k.k * 13 + i')}
                   WHEN i % 3 = 0 THEN ${pick(RENOVATION_MATERIALS, 'k.k * 13 + i')}
                   ELSE ${pick(RENOVATION_WORKS, 'k.k * 13 + i')} END,
              CASE WHEN k.kind = 'memorial' AND i % 2 = 0 THEN 'service'
                   WHEN k.kind = 'memorial' THEN 'goods'
                   WHEN i % 3 = 0 THEN 'goods' ELSE 'service' END,
              x.quantity, CASE WHEN k.kind = 'memorial' THEN 'шт' ELSE 'м²' END, x.price,
              x.quantity * x.price
         FROM bench_k k
         CROSS JOIN LATERAL generate_series(1, 2 + (${rnd('k.k * 11')} % 5)::int) i
         CROSS JOIN LATERAL (SELECT
              CASE WHEN k.kind = 'memorial' THEN 1 + ${rnd('k.k * 17 + i')} % 2
                   ELSE 10 + ${rnd('k.k * 17 + i')} % 60 END::numeric AS quantity,
              CASE WHEN k.kind = 'memorial' THEN (2000 + ${rnd('k.k * 19 + i')} % 60000)
                   ELSE (300 + ${rnd('k.k * 19 + i')} % 2500) END::numeric AS price) x`,
    );
    await q(
      `UPDATE contracts c SET total = s.total
         FROM (SELECT contract_id, sum(amount) AS total FROM contract_items
                WHERE contract_id IN (SELECT id FROM bench_k) GROUP BY contract_id) s
        WHERE c.id = s.contract_id`,
    );
    // 5-15 schedule rows a month apart from the contract date: an advance, then equal parts.
    await q(
      `INSERT INTO contract_installments (contract_id, line_no, due_date, amount, note)
       SELECT k.id, i, k.date + (i - 1) * 30,
              CASE WHEN i < s.n THEN s.part ELSE c.total - s.part * (s.n - 1) END,
              CASE WHEN i = 1 THEN 'Аванс' WHEN i = s.n THEN 'Окончательный расчёт' END
         FROM bench_k k JOIN contracts c ON c.id = k.id
         CROSS JOIN LATERAL (SELECT 5 + (${rnd('k.k * 23')} % 11)::int AS n) n0
         CROSS JOIN LATERAL (SELECT n0.n, trunc(c.total / n0.n, 2) AS part) s
         CROSS JOIN LATERAL generate_series(1, s.n) i`,
    );
    // Payments: finished contracts paid in full; otherwise most rows already due are paid (a few
    // overdue), some in two parts.
    await q(
      `INSERT INTO contract_payments (external_id, contract_id, number, date, amount, currency,
                                      method, created_at, updated_at)
       SELECT 'bench-p-' || k.k || '-' || s.line_no || '-' || part,
              k.id, 'ПКО-' || lpad((k.k * 20 + s.line_no * 2 + part)::text, 8, '0'),
              LEAST(current_date, s.due_date - (${rnd('k.k * 29 + s.line_no')} % 10)::int + (part - 1) * 7),
              CASE WHEN parts = 1 THEN s.amount
                   WHEN part = 1 THEN trunc(s.amount / 2, 2) ELSE s.amount - trunc(s.amount / 2, 2) END,
              'RUB', ${pick(METHODS, 'k.k * 31 + s.line_no')}, now(), now()
         FROM bench_k k
         JOIN contract_installments s ON s.contract_id = k.id
         CROSS JOIN LATERAL (SELECT CASE WHEN ${rnd('k.k * 37 + s.line_no')} % 100 < 25 THEN 2 ELSE 1 END AS parts) p
         CROSS JOIN LATERAL generate_series(1, p.parts) part
        WHERE k.closed OR (s.due_date <= current_date AND ${rnd('k.k * 41 + s.line_no')} % 100 < 92)`,
    );
    // What was paid, exactly as the importer keeps it (PaymentImporter.refreshPaid).
    await q(
      `UPDATE contracts c SET paid = s.paid
         FROM (SELECT p.contract_id, sum(p.amount) AS paid FROM contract_payments p
                WHERE p.archived_at IS NULL AND p.contract_id IN (SELECT id FROM bench_k)
                GROUP BY p.contract_id) s
        WHERE c.id = s.contract_id`,
    );
    // What the importer would have told the customers: each contract, and recent payments.
    await q(
      `INSERT INTO notifications (customer_id, contract_id, kind, params, created_at, read_at)
       SELECT c.customer_id, c.id, 'contract_added',
              jsonb_build_object('number', c.number, 'status', c.status), c.date,
              CASE WHEN c.date < current_date - 30 THEN c.date + 1 END
         FROM contracts c WHERE c.id IN (SELECT id FROM bench_k)
       UNION ALL
       SELECT c.customer_id, c.id, 'payment_received',
              jsonb_build_object('number', c.number, 'amount', p.amount::text, 'currency', p.currency,
                                 'date', p.date::text),
              p.date, CASE WHEN p.date < current_date - 7 THEN p.date + 1 END
         FROM contract_payments p JOIN contracts c ON c.id = p.contract_id
        WHERE p.contract_id IN (SELECT id FROM bench_k) AND p.date > current_date - 90`,
    );
    // Most customers have looked at most of their contracts at some point.
    await q(
      `INSERT INTO contract_views (customer_id, contract_id, seen_at)
       SELECT c.customer_id, c.id, now() - (${rnd('k.k * 43')} % 60) * interval '1 day'
         FROM bench_k k JOIN contracts c ON c.id = k.id
        WHERE ${rnd('k.k * 47')} % 10 < 7`,
    );
    const wrong = await q(
      `SELECT count(*)::int AS n FROM contracts c
        WHERE c.paid <> COALESCE((SELECT sum(p.amount) FROM contract_payments p
                                   WHERE p.contract_id = c.id AND p.archived_at IS NULL), 0)`,
    );
    if (wrong.rows[0].n) throw new Error(`${wrong.rows[0].n} contracts have a wrong paid sum`);
    await q('COMMIT');
  } catch (err) {
    await q('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
  // VACUUM too, so autovacuum does not wake up over these rows in the middle of a measurement.
  await pool.query('VACUUM (ANALYZE)');
  const counts = (
    await pool.query(
      `SELECT (SELECT count(*) FROM customers)::int AS customers,
              (SELECT count(*) FROM staff_users)::int AS staff,
              (SELECT count(*) FROM contracts)::int AS contracts,
              (SELECT count(*) FROM contract_items)::int AS items,
              (SELECT count(*) FROM contract_installments)::int AS installments,
              (SELECT count(*) FROM contract_payments)::int AS payments,
              (SELECT count(*) FROM notifications)::int AS notifications`,
    )
  ).rows[0];
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}

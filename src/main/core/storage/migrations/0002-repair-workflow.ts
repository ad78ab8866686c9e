import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The fee standard a new shop starts with: code, English and Chinese names, category, price in fen. */
export const FEE_STANDARD_SEED: readonly (readonly [string, string, string, string, number])[] = [
  ['diagnosis', 'Diagnosis and inspection', '检测费', 'general', 3000],
  ['software_simple', 'Software problem, simple handling', '软件故障简单处理', 'software', 5000],
  ['system_reinstall', 'System reinstall', '重装系统', 'software', 10000],
  ['data_backup', 'Data backup', '数据备份', 'software', 5000],
  ['screen_replacement', 'Screen replacement (labour)', '更换屏幕（工时）', 'hardware', 8000],
  ['battery_replacement', 'Battery replacement (labour)', '更换电池（工时）', 'hardware', 5000],
  ['keyboard_replacement', 'Keyboard replacement (labour)', '更换键盘（工时）', 'hardware', 6000],
  ['board_repair', 'Mainboard repair', '主板维修', 'hardware', 15000],
  ['cleaning', 'Cleaning and maintenance', '清洁保养', 'hardware', 6000],
];

// The repair workflow: staff PINs, diagnosis, the fee standard, parts stock and
// its ledger, versioned quotes, the customer's approval, loaners, the
// "customer notified" log, and the search indexes for ten years of tickets.
//
// Guarantees kept by the database itself, whatever the code does:
// - stock moves are the only way quantities change (part.qty_* must equal the
//   ledger sum), and stock never goes below zero except by a move a manager
//   approved;
// - quotes, their lines, approvals (with signatures), stock moves, loans and
//   notifications are never deleted; quote amounts and lines never change, and
//   an accepted or declined quote keeps its decision;
// - the search indexes (FTS5, trigram: substring matching that works for
//   Chinese) follow customer and device rows through triggers.
export class RepairWorkflow1764201600000 implements MigrationInterface {
  name = 'RepairWorkflow1764201600000';

  async up(db: QueryRunner): Promise<void> {
    // ---- staff sign-in --------------------------------------------------------
    await db.query(`ALTER TABLE staff ADD COLUMN pin_hash TEXT`);
    await db.query(`ALTER TABLE staff ADD COLUMN pin_failed_count INTEGER NOT NULL DEFAULT 0 CHECK (pin_failed_count >= 0)`);
    await db.query(`ALTER TABLE staff ADD COLUMN pin_locked_until TEXT`);

    // ---- ticket ---------------------------------------------------------------
    await db.query(`ALTER TABLE ticket ADD COLUMN severity INTEGER CHECK (severity IN (1, 2, 3))`);
    /** Last day (YYYY-MM-DD) a return of this repair is reworked free (免费维修时限). */
    await db.query(`ALTER TABLE ticket ADD COLUMN repair_warranty_until TEXT`);
    /** Set on a rework (返修): the collected ticket whose repair came back. */
    await db.query(`ALTER TABLE ticket ADD COLUMN rework_of_ticket_id INTEGER REFERENCES ticket(id)`);
    await db.query(`ALTER TABLE ticket ADD COLUMN collected_at TEXT`);
    await db.query(`CREATE INDEX ticket_status_id ON ticket(status, id)`);
    await db.query(`CREATE INDEX ticket_technician_status ON ticket(technician_id, status, id)`);
    await db.query(`CREATE INDEX ticket_rework_of ON ticket(rework_of_ticket_id) WHERE rework_of_ticket_id IS NOT NULL`);
    await db.query(`CREATE INDEX ticket_device ON ticket(device_id)`);
    /** The manager who approved the change (a void, an override, a large discount). */
    await db.query(`ALTER TABLE ticket_event ADD COLUMN approved_by INTEGER REFERENCES staff(id)`);

    // ---- diagnosis (故障诊断) ---------------------------------------------------
    await db.query(`CREATE TABLE diagnosis (
      ticket_id INTEGER PRIMARY KEY REFERENCES ticket(id),
      category TEXT NOT NULL CHECK (category IN ('software','hardware')),
      cause TEXT NOT NULL CHECK (length(trim(cause)) > 0),
      solution TEXT NOT NULL DEFAULT '',
      severity INTEGER NOT NULL CHECK (severity IN (1, 2, 3)),
      user_caused BOOLEAN NOT NULL DEFAULT 0,
      internal_notes TEXT NOT NULL DEFAULT '',
      staff_id INTEGER REFERENCES staff(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);

    // ---- fee standard (收费标准) ------------------------------------------------
    await db.query(`CREATE TABLE fee_item (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      code TEXT NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
      name_en TEXT NOT NULL CHECK (length(trim(name_en)) > 0),
      name_zh TEXT NOT NULL CHECK (length(trim(name_zh)) > 0),
      category TEXT NOT NULL CHECK (category IN ('software','hardware','general')),
      price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
      active BOOLEAN NOT NULL DEFAULT 1,
      sort_order INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL
    )`);
    const seed = FEE_STANDARD_SEED;
    for (const [index, [code, en, zh, category, price]] of seed.entries()) {
      await db.query(
        `INSERT INTO fee_item (code, name_en, name_zh, category, price_minor, active, sort_order, updated_at)
         VALUES (?, ?, ?, ?, ?, 1, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
        [code, en, zh, category, price, (index + 1) * 10],
      );
    }

    // ---- parts and the stock ledger (配件申领 / 旧件返还) ---------------------------
    await db.query(`CREATE TABLE part (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      specification TEXT NOT NULL DEFAULT '',
      compatible_models TEXT NOT NULL DEFAULT '',
      cost_minor INTEGER NOT NULL CHECK (cost_minor >= 0),
      price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
      qty_on_hand INTEGER NOT NULL DEFAULT 0,
      qty_returned INTEGER NOT NULL DEFAULT 0 CHECK (qty_returned >= 0),
      reorder_level INTEGER NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
      active BOOLEAN NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await db.query(`CREATE INDEX part_name ON part(name COLLATE NOCASE)`);
    await db.query(`CREATE TABLE stock_move (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      part_id INTEGER NOT NULL REFERENCES part(id),
      ticket_id INTEGER REFERENCES ticket(id),
      reason TEXT NOT NULL CHECK (reason IN ('used','returned_to_stores','restock','override')),
      qty_delta INTEGER NOT NULL CHECK (qty_delta <> 0),
      unit_cost_minor INTEGER NOT NULL CHECK (unit_cost_minor >= 0),
      unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
      under_warranty BOOLEAN NOT NULL DEFAULT 0,
      staff_id INTEGER REFERENCES staff(id),
      approved_by INTEGER REFERENCES staff(id),
      note TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL,
      CHECK (
        (reason = 'used' AND qty_delta < 0 AND ticket_id IS NOT NULL) OR
        (reason = 'returned_to_stores' AND qty_delta > 0 AND ticket_id IS NOT NULL) OR
        (reason = 'restock' AND qty_delta > 0) OR
        (reason = 'override' AND approved_by IS NOT NULL AND length(trim(note)) > 0)
      )
    )`);
    await db.query(`CREATE INDEX stock_move_part ON stock_move(part_id)`);
    await db.query(`CREATE INDEX stock_move_ticket ON stock_move(ticket_id) WHERE ticket_id IS NOT NULL`);
    await db.query(`CREATE TRIGGER stock_never_negative BEFORE INSERT ON stock_move
      WHEN NEW.reason <> 'returned_to_stores' AND NEW.qty_delta < 0 AND NEW.approved_by IS NULL
        AND (SELECT qty_on_hand FROM part WHERE id = NEW.part_id) + NEW.qty_delta < 0
      BEGIN SELECT RAISE(ABORT, 'stock cannot go negative without a manager override'); END`);
    await db.query(`CREATE TRIGGER stock_move_apply AFTER INSERT ON stock_move WHEN NEW.reason <> 'returned_to_stores'
      BEGIN UPDATE part SET qty_on_hand = qty_on_hand + NEW.qty_delta WHERE id = NEW.part_id; END`);
    await db.query(`CREATE TRIGGER stock_move_apply_returned AFTER INSERT ON stock_move WHEN NEW.reason = 'returned_to_stores'
      BEGIN UPDATE part SET qty_returned = qty_returned + NEW.qty_delta WHERE id = NEW.part_id; END`);
    await db.query(`CREATE TRIGGER part_qty_follows_ledger BEFORE UPDATE OF qty_on_hand, qty_returned ON part
      WHEN NEW.qty_on_hand IS NOT (SELECT COALESCE(SUM(qty_delta), 0) FROM stock_move WHERE part_id = NEW.id AND reason <> 'returned_to_stores')
        OR NEW.qty_returned IS NOT (SELECT COALESCE(SUM(qty_delta), 0) FROM stock_move WHERE part_id = NEW.id AND reason = 'returned_to_stores')
      BEGIN SELECT RAISE(ABORT, 'stock changes only through stock moves'); END`);

    // ---- quotes (报价) and the customer's decision (方案确认) ------------------------
    await db.query(`CREATE TABLE quote (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ticket_id INTEGER NOT NULL REFERENCES ticket(id),
      version INTEGER NOT NULL CHECK (version >= 1),
      status TEXT NOT NULL CHECK (status IN ('draft','sent','accepted','declined','superseded')),
      subtotal_minor INTEGER NOT NULL CHECK (subtotal_minor >= 0),
      covered_minor INTEGER NOT NULL CHECK (covered_minor >= 0),
      discount_minor INTEGER NOT NULL CHECK (discount_minor >= 0),
      total_minor INTEGER NOT NULL CHECK (total_minor >= 0),
      discount_kind TEXT CHECK (discount_kind IN ('percent','amount')),
      discount_value INTEGER CHECK (discount_value >= 0),
      discount_reason TEXT NOT NULL DEFAULT '',
      discount_approved_by INTEGER REFERENCES staff(id),
      note TEXT NOT NULL DEFAULT '',
      staff_id INTEGER REFERENCES staff(id),
      created_at TEXT NOT NULL,
      decided_at TEXT,
      UNIQUE (ticket_id, version),
      CHECK (total_minor = subtotal_minor - covered_minor - discount_minor),
      CHECK (discount_minor = 0 OR length(trim(discount_reason)) > 0)
    )`);
    await db.query(`CREATE TABLE quote_line (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      quote_id INTEGER NOT NULL REFERENCES quote(id),
      position INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('labour','part')),
      fee_item_id INTEGER REFERENCES fee_item(id),
      part_id INTEGER REFERENCES part(id),
      description TEXT NOT NULL CHECK (length(trim(description)) > 0),
      qty INTEGER NOT NULL CHECK (qty BETWEEN 1 AND 999),
      unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
      covered_unit_price_minor INTEGER CHECK (covered_unit_price_minor >= 0),
      line_total_minor INTEGER NOT NULL CHECK (line_total_minor = qty * unit_price_minor),
      covered_minor INTEGER NOT NULL CHECK (covered_minor BETWEEN 0 AND line_total_minor),
      charged_minor INTEGER NOT NULL CHECK (charged_minor = line_total_minor - covered_minor),
      free BOOLEAN NOT NULL,
      reason TEXT NOT NULL,
      UNIQUE (quote_id, position),
      CHECK ((kind = 'part') = (part_id IS NOT NULL)),
      CHECK (kind = 'labour' OR fee_item_id IS NULL)
    )`);
    await db.query(`CREATE INDEX quote_ticket ON quote(ticket_id, version)`);
    await db.query(`CREATE TRIGGER quote_amounts_frozen BEFORE UPDATE ON quote
      WHEN NEW.ticket_id IS NOT OLD.ticket_id OR NEW.version IS NOT OLD.version
        OR NEW.subtotal_minor IS NOT OLD.subtotal_minor OR NEW.covered_minor IS NOT OLD.covered_minor
        OR NEW.discount_minor IS NOT OLD.discount_minor OR NEW.total_minor IS NOT OLD.total_minor
        OR NEW.discount_kind IS NOT OLD.discount_kind OR NEW.discount_value IS NOT OLD.discount_value
        OR NEW.discount_reason IS NOT OLD.discount_reason OR NEW.discount_approved_by IS NOT OLD.discount_approved_by
        OR NEW.staff_id IS NOT OLD.staff_id OR NEW.created_at IS NOT OLD.created_at OR NEW.note IS NOT OLD.note
      BEGIN SELECT RAISE(ABORT, 'quote amounts are never changed; save a new version'); END`);
    await db.query(`CREATE TRIGGER quote_decision_final BEFORE UPDATE OF status ON quote
      WHEN OLD.status IN ('accepted','declined','superseded') AND NEW.status IS NOT OLD.status
      BEGIN SELECT RAISE(ABORT, 'a decided or superseded quote keeps its status'); END`);
    await db.query(`CREATE TABLE approval (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ticket_id INTEGER NOT NULL REFERENCES ticket(id),
      quote_id INTEGER NOT NULL UNIQUE REFERENCES quote(id),
      decision TEXT NOT NULL CHECK (decision IN ('accepted','declined')),
      method TEXT NOT NULL CHECK (method IN ('in_person','phone')),
      signature_png TEXT,
      contact_name TEXT NOT NULL DEFAULT '',
      contacted_at TEXT,
      note TEXT NOT NULL DEFAULT '',
      staff_id INTEGER REFERENCES staff(id),
      at TEXT NOT NULL,
      CHECK (method <> 'in_person' OR signature_png IS NOT NULL),
      CHECK (method <> 'phone' OR (length(trim(contact_name)) > 0 AND contacted_at IS NOT NULL))
    )`);
    await db.query(`CREATE INDEX approval_ticket ON approval(ticket_id)`);

    // ---- loaners (备机) ----------------------------------------------------------
    await db.query(`CREATE TABLE loaner (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      serial TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      active BOOLEAN NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL
    )`);
    await db.query(`CREATE TABLE loan (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ticket_id INTEGER NOT NULL REFERENCES ticket(id),
      loaner_id INTEGER NOT NULL REFERENCES loaner(id),
      lent_at TEXT NOT NULL,
      lent_by INTEGER REFERENCES staff(id),
      lend_note TEXT NOT NULL DEFAULT '',
      returned_at TEXT,
      returned_by INTEGER REFERENCES staff(id),
      return_note TEXT NOT NULL DEFAULT '',
      CHECK (returned_at IS NULL OR returned_at >= lent_at)
    )`);
    await db.query(`CREATE UNIQUE INDEX loan_one_open_per_loaner ON loan(loaner_id) WHERE returned_at IS NULL`);
    await db.query(`CREATE INDEX loan_ticket ON loan(ticket_id)`);
    await db.query(`CREATE TRIGGER loan_return_once BEFORE UPDATE ON loan
      WHEN OLD.returned_at IS NOT NULL OR NEW.ticket_id IS NOT OLD.ticket_id OR NEW.loaner_id IS NOT OLD.loaner_id
        OR NEW.lent_at IS NOT OLD.lent_at OR NEW.lent_by IS NOT OLD.lent_by
      BEGIN SELECT RAISE(ABORT, 'a loan is only ever completed by its return'); END`);

    // ---- customer notified log --------------------------------------------------
    await db.query(`CREATE TABLE notification (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ticket_id INTEGER NOT NULL REFERENCES ticket(id),
      staff_id INTEGER REFERENCES staff(id),
      method TEXT NOT NULL CHECK (method IN ('phone','sms')),
      outcome TEXT NOT NULL CHECK (outcome IN ('reached','no_answer','left_message')),
      note TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL
    )`);
    await db.query(`CREATE INDEX notification_ticket ON notification(ticket_id)`);

    // ---- nothing with money, a signature or an audit value is deleted --------------
    const appendOnly: [string, string][] = [
      ['quote', 'quotes'],
      ['quote_line', 'quote lines'],
      ['approval', 'approvals'],
      ['stock_move', 'stock moves'],
      ['loan', 'loans'],
      ['notification', 'notification records'],
      ['fee_item', 'fee standard items (deactivate them)'],
      ['part', 'parts (deactivate them)'],
      ['loaner', 'loaners (deactivate them)'],
      ['diagnosis', 'diagnoses'],
    ];
    for (const [table, what] of appendOnly) {
      await db.query(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${what} are never deleted'); END`);
    }
    for (const [table, what] of [
      ['quote_line', 'quote lines'],
      ['approval', 'approvals'],
      ['stock_move', 'stock moves'],
      ['notification', 'notification records'],
    ]) {
      await db.query(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${what} are never changed'); END`);
    }

    // ---- search ------------------------------------------------------------------
    await db.query(`CREATE INDEX customer_name_nocase ON customer(name COLLATE NOCASE)`);
    await db.query(`CREATE INDEX device_serial_nocase ON device(serial COLLATE NOCASE)`);
    await db.query(`CREATE INDEX device_model_nocase ON device(model COLLATE NOCASE)`);
    await db.query(`CREATE VIRTUAL TABLE customer_fts USING fts5(
      name, phone_digits, content='customer', content_rowid='id', tokenize='trigram')`);
    await db.query(`CREATE VIRTUAL TABLE device_fts USING fts5(
      serial, brand, model, content='device', content_rowid='id', tokenize='trigram')`);
    await db.query(`INSERT INTO customer_fts(customer_fts) VALUES ('rebuild')`);
    await db.query(`INSERT INTO device_fts(device_fts) VALUES ('rebuild')`);
    await db.query(`CREATE TRIGGER customer_fts_insert AFTER INSERT ON customer BEGIN
      INSERT INTO customer_fts(rowid, name, phone_digits) VALUES (NEW.id, NEW.name, NEW.phone_digits); END`);
    await db.query(`CREATE TRIGGER customer_fts_delete AFTER DELETE ON customer BEGIN
      INSERT INTO customer_fts(customer_fts, rowid, name, phone_digits) VALUES ('delete', OLD.id, OLD.name, OLD.phone_digits); END`);
    await db.query(`CREATE TRIGGER customer_fts_update AFTER UPDATE OF name, phone_digits ON customer BEGIN
      INSERT INTO customer_fts(customer_fts, rowid, name, phone_digits) VALUES ('delete', OLD.id, OLD.name, OLD.phone_digits);
      INSERT INTO customer_fts(rowid, name, phone_digits) VALUES (NEW.id, NEW.name, NEW.phone_digits); END`);
    await db.query(`CREATE TRIGGER device_fts_insert AFTER INSERT ON device BEGIN
      INSERT INTO device_fts(rowid, serial, brand, model) VALUES (NEW.id, NEW.serial, NEW.brand, NEW.model); END`);
    await db.query(`CREATE TRIGGER device_fts_delete AFTER DELETE ON device BEGIN
      INSERT INTO device_fts(device_fts, rowid, serial, brand, model) VALUES ('delete', OLD.id, OLD.serial, OLD.brand, OLD.model); END`);
    await db.query(`CREATE TRIGGER device_fts_update AFTER UPDATE OF serial, brand, model ON device BEGIN
      INSERT INTO device_fts(device_fts, rowid, serial, brand, model) VALUES ('delete', OLD.id, OLD.serial, OLD.brand, OLD.model);
      INSERT INTO device_fts(rowid, serial, brand, model) VALUES (NEW.id, NEW.serial, NEW.brand, NEW.model); END`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const trigger of [
      'device_fts_update',
      'device_fts_delete',
      'device_fts_insert',
      'customer_fts_update',
      'customer_fts_delete',
      'customer_fts_insert',
    ]) {
      await db.query(`DROP TRIGGER ${trigger}`);
    }
    for (const table of [
      'device_fts',
      'customer_fts',
      'notification',
      'loan',
      'loaner',
      'approval',
      'quote_line',
      'quote',
      'stock_move',
      'part',
      'fee_item',
      'diagnosis',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    for (const index of [
      'customer_name_nocase',
      'device_serial_nocase',
      'device_model_nocase',
      'ticket_status_id',
      'ticket_technician_status',
      'ticket_rework_of',
      'ticket_device',
    ]) {
      await db.query(`DROP INDEX ${index}`);
    }
    for (const column of ['collected_at', 'rework_of_ticket_id', 'repair_warranty_until', 'severity']) {
      await db.query(`ALTER TABLE ticket DROP COLUMN ${column}`);
    }
    await db.query(`ALTER TABLE ticket_event DROP COLUMN approved_by`);
    for (const column of ['pin_locked_until', 'pin_failed_count', 'pin_hash']) {
      await db.query(`ALTER TABLE staff DROP COLUMN ${column}`);
    }
  }
}

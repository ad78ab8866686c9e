// The append-only rule of one table in PostgreSQL: a trigger function that
// refuses every DELETE (or UPDATE) of its rows with the given message, as the
// SQLite migrations' RAISE(ABORT, ...) triggers do.

export function refuseChange(name: string, table: string, when: 'DELETE' | 'UPDATE', message: string): string {
  return `
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      RAISE EXCEPTION '${message}';
    END
    $fn$;
    CREATE TRIGGER ${name} BEFORE ${when} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}();`;
}

// TypeORM's SQLite driver writes number parameters into the SQL text itself
// (`VALUES (NULL, 39, ?, ...)`), so every insert or lookup by id is a new
// statement: prepared again each time (with every trigger on the table
// compiled again), and pushing the statements that do repeat out of the
// driver's small statement cache. Here numbers are bound like every other
// value, so the same query is the same statement.
import type { DataSource } from 'typeorm';

type Escape = (sql: string, parameters: Record<string, unknown>, nativeParameters: Record<string, unknown>) => [string, unknown[]];

export function bindNumbersAsParameters(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as { escapeQueryWithParameters: Escape };
  const escape = driver.escapeQueryWithParameters.bind(driver);
  driver.escapeQueryWithParameters = (sql, parameters, nativeParameters) => {
    if (!parameters) return escape(sql, parameters, nativeParameters);
    // The driver inlines primitive numbers only: a boxed one goes to the parameter list, unboxed there.
    const boxed: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(parameters)) boxed[name] = typeof value === 'number' ? Object(value) : value;
    const [text, values] = escape(sql, boxed, nativeParameters);
    return [text, values.map((value) => (value instanceof Number ? value.valueOf() : value))];
  };
}

// The column kinds the entity schemas are written with. Money is integer minor
// units, timestamps and days are ISO text, flags are booleans (0/1 in SQLite,
// smallint on PostgreSQL). The schema itself comes from the migrations.

/** A table's own id, given by the database. */
export const id = { type: Number, primary: true, generated: 'increment' } as const;
export const text = { type: 'text' } as const;
export const nullableText = { type: 'text', nullable: true } as const;
export const integer = { type: 'integer' } as const;
export const nullableInteger = { type: 'integer', nullable: true } as const;
export const flag = { type: 'boolean' } as const;
export const nullableFlag = { type: 'boolean', nullable: true } as const;

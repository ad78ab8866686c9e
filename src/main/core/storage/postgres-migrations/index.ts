import { PostgresSchema1765065600000 } from './0001-schema';
import { PostgresCounterRecords1765152000000 } from './0002-counter-records';
import { PostgresFiguresDays1765411200000 } from './0003-figures-days';
import { PostgresStockNotesAsData1765670400000 } from './0006-stock-notes-as-data';
import { PostgresBoughtInPartLines1765756800000 } from './0007-bought-in-part-lines';
import { PostgresFiguresBoughtParts1765843200000 } from './0008-figures-bought-parts';
import { PostgresFiguresTechnicianScores1765929600000 } from './0009-figures-technician-scores';
import { PostgresFiguresDaysAddOnInsert1766016000000 } from './0010-figures-days-add-on-insert';
import { PostgresCustomerNameGrams1766102400000 } from './0011-customer-name-grams';

/** Every PostgreSQL migration, oldest first. Append; never edit one that has shipped. */
export const POSTGRES_MIGRATIONS = [
  PostgresSchema1765065600000,
  PostgresCounterRecords1765152000000,
  PostgresFiguresDays1765411200000,
  PostgresStockNotesAsData1765670400000,
  PostgresBoughtInPartLines1765756800000,
  PostgresFiguresBoughtParts1765843200000,
  PostgresFiguresTechnicianScores1765929600000,
  PostgresFiguresDaysAddOnInsert1766016000000,
  PostgresCustomerNameGrams1766102400000,
];

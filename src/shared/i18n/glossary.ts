// The shop's Chinese words, one per thing: every zh-CN string, on screen and on
// paper, uses the preferred term and none of its variants (a test reads every
// string table and document wording against this list).

export interface GlossaryEntry {
  /** What it names, in English. */
  concept: string;
  preferred: string;
  /** Words a counter also hears for it, never used by the desk. */
  avoided: readonly string[];
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { concept: 'technician', preferred: '维修员', avoided: ['技术员'] },
  // 订金 is a part payment refunded in full; 定金 is a legal forfeit deposit, 押金 a security held back.
  { concept: 'deposit paid at intake', preferred: '订金', avoided: ['押金', '定金'] },
  { concept: 'manager', preferred: '主管', avoided: ['店长'] },
  // 维修单 is the repair ticket (the list, the search, a ticket's page); the paper handed over at collection is the receipt.
  { concept: 'repair receipt', preferred: '维修收据', avoided: ['维修单/收据', '维修单 / 收据'] },
];

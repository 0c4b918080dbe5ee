// OWASP "CSV injection": the data check refuses such text, and every CSV download neutralises it (src/csvFile.ts).
/**
 * Would a spreadsheet run this cell as a formula? A signed number as a source prints it ("-4 592", "-7.16E-06", "-4.182**")
 * has no name or bracket, so it cannot call a function or reach another program; anything else after + or - can.
 */
export function startsLikeFormula(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell) && !/^[+-][\d \u00A0\u202F.,%*eE+-]*$/.test(cell);
}

import { showValue } from "../model/showValue.ts";

export { showValue };

/** One problem in the data, printed as `data/offers.csv:14:region: "Helse Øst" is not one of …` (line 0: the whole file). */
export interface DataIssue {
  file: string;
  line: number;
  column: string;
  message: string;
}

export function formatIssue({ file, line, column, message }: DataIssue): string {
  const where = line > 0 ? `${file}:${line}:` : `${file}:`;
  return `${where}${column ? `${column}: ` : " "}${message}`;
}

/** Carries every issue found, so a run reports them all at once instead of one per fix. */
export class DataError extends Error {
  readonly issues: DataIssue[];
  constructor(issues: DataIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "DataError";
    this.issues = issues;
  }
}

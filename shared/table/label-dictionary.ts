/**
 * Dictionary coding of text: each distinct label gets the next code, 0, 1, 2, ..., in order of first
 * appearance (the codes and dictionary of a string Column).
 */
export class LabelDictionary {
  /** The labels by code. */
  readonly labels: string[] = [];
  private readonly codes = new Map<string, number>();

  /**
   * The code of `label`, a new one when it is first seen.
   *
   * @example const d = new LabelDictionary(); [d.code('b'), d.code('a'), d.code('b')] // [0, 1, 0]
   */
  code(label: string): number {
    let code = this.codes.get(label);
    if (code === undefined) {
      code = this.labels.length;
      this.codes.set(label, code);
      this.labels.push(label);
    }
    return code;
  }
}

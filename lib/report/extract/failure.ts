/** The one error type extraction stages throw; extractDocument turns it into a ReadError. */
import type { ReadErrorCode } from "../types";

export class ExtractionFailure extends Error {
  constructor(
    readonly code: ReadErrorCode,
    message: string,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "ExtractionFailure";
  }
}

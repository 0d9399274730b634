/** Why one file yields no resume text; the message is shown to the recruiter as is. */
export class ExtractionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExtractionError';
  }
}

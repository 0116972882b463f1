/**
 * What results may depend on besides their inputs: the time and fresh ids. Passed in
 * explicitly so tests can be exact (a fixed clock, predictable ids) and domain code stays pure.
 */
export interface Runtime {
  now(): Date;
  newId(): string;
}
